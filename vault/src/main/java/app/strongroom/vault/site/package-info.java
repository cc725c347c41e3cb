/**
 * Sites: the places that hold copies of the backups, each in a region on a continent, reached through a directory or
 * an S3-compatible bucket. A site holds objects under the same names as the home location (a tenant's wrapped key and
 * backups, the catalog's backups), so any one of them is enough to recover from.
 */
package app.strongroom.vault.site;
