/**
 * Restoring a tenant's backup into a database: fetched from a site, decrypted and checked as it streams, the SQL dump
 * applied without psql, every entry's digest and every table's row count compared with the manifest. The daily drill
 * uses it into a scratch database; restoring a tenant will use the same code.
 */
package app.strongroom.restore;
