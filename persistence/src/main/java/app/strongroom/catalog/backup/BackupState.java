package app.strongroom.catalog.backup;

/** Where a backup attempt stands. Only {@link #GOOD} backups count, for retention and for anyone restoring. */
public enum BackupState {
    /** Being written, under a temporary name. */
    RUNNING,
    /** Written whole and its digest checked. */
    GOOD,
    /** Never completed; the reason is recorded and no file of it is kept. */
    FAILED,
    /** Was good; retention deleted its file. */
    DELETED
}
