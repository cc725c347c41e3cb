package app.strongroom.launcher;

import app.strongroom.platform.DatabaseServerSettings;
import app.strongroom.platform.PostgresAdmin;
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
        new PostgresAdmin(new DatabaseServerSettings("primary", db.host(), db.port(), db.adminUser(), db.adminPassword()))
                .createDatabase(new SqlIdentifier(catalogDatabase));
    }
}
