/**
 * The {@code backup} job (P6): every tenant, or one, backed up in parallel partitions, then the catalog, then
 * retention, then the run is marked finished; its daily schedule with one runner per cluster; and the resumption of a
 * run whose server died.
 */
package app.strongroom.batch.backup;
