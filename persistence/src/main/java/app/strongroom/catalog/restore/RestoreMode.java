package app.strongroom.catalog.restore;

/** Where a backup is restored: over the live database, or into a side database the tenant's administrator opens. */
public enum RestoreMode {
    LIVE, SIDE
}
