/**
 * Copies at sites (P7): every good backup, every tenant's wrapped key and the catalog's backups copied to each site,
 * read back and verified, caught up when a site was down, deleted everywhere when retention or a tenant's deletion
 * says so; and which backups are therefore safe.
 */
package app.strongroom.sites;
