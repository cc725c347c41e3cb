package app.strongroom.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Versioned schema migrations (Flyway) for the catalog ({@code db/catalog}) and for tenant databases
 * ({@code db/tenant}). A tenant database and the template it was copied from carry the same history table, so a
 * database copied from the template is already at the template's version.
 */
public final class Migrations {
    private Migrations() {
    }

    public static void migrateCatalog(DataSource catalog) {
        flyway(catalog, "db/catalog").migrate();
    }

    /** Brings one tenant database (or the template) to the newest shipped version and returns that version. */
    public static int migrateTenant(DataSource tenant) {
        Flyway flyway = flyway(tenant, "db/tenant");
        flyway.migrate();
        MigrationVersion current = flyway.info().current().getVersion();
        return Integer.parseInt(current.getVersion());
    }

    private static Flyway flyway(DataSource dataSource, String location) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .failOnMissingLocations(true)
                .load();
    }
}
