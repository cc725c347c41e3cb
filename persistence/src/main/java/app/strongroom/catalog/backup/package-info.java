/**
 * Backups as the catalog records them (P6): every attempt with its state, and the retention rules that decide which
 * good backups are kept (7 daily, 4 weekly, 3 monthly, non-overlapping, in UTC).
 */
package app.strongroom.catalog.backup;
