/** Files attached to a tenant's records: what the database knows of them; the content is encrypted elsewhere. */
package app.strongroom.tenant.file;
