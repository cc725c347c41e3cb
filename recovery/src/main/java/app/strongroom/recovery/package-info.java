/**
 * The offline recovery tool: with the server down and nothing but the master key and a backup location, it lists the
 * backups there and decrypts one (a tenant's or the catalog's) to its zip, checking every segment and digest.
 */
package app.strongroom.recovery;
