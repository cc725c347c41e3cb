package app.strongroom.launcher;

import app.strongroom.platform.SqlIdentifier;

/** Steps that must happen before the server starts. */
public final class Platform {
    private Platform() {
    }

    /**
     * Creates the catalog database when it is missing: the container connects its persistence unit while deploying,
     * before any application code could create it.
     */
    public static void ensureCatalogDatabase(DatabaseConnection db, String catalogDatabase) {
        db.admin().createDatabase(new SqlIdentifier(catalogDatabase));
    }
}
