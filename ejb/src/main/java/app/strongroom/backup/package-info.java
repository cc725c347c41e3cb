/**
 * Backups (P6): one encrypted zip per tenant per run, streamed from one database snapshot and the stored files to the
 * home location, marked good only once its digest is checked; the catalog's own backup; retention; the daily
 * schedule with one runner per cluster; and recovery from an interrupted run.
 */
package app.strongroom.backup;
