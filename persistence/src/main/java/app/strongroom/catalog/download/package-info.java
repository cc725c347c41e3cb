/**
 * Downloads of backups (P8): the lease that lets one live download of a tenant run at a time across the cluster.
 */
package app.strongroom.catalog.download;
