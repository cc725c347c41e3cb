package app.strongroom.catalog.site;

/** What a copy is of. */
public enum CopyKind {
    /** A tenant's encrypted backup. */
    BACKUP,
    /** A tenant's keyset, wrapped by the master key: without it no backup of the tenant at that site can be read. */
    KEY,
    /** An encrypted backup of the platform catalog. */
    CATALOG
}
