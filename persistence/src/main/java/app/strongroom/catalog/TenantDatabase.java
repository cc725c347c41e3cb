package app.strongroom.catalog;

/**
 * Naming of a tenant's database objects. The names are derived from the tenant id alone, so they are valid
 * unquoted SQL identifiers and no user input ever reaches the DDL that creates or drops them (P15).
 */
public final class TenantDatabase {
    /** The already-migrated database every tenant database is copied from. */
    public static final String TEMPLATE = "strongroom_tenant_template";

    private TenantDatabase() {
    }

    public static String databaseName(TenantId id) {
        return "tenant_" + id.hex();
    }

    public static String roleName(TenantId id) {
        return "tenant_role_" + id.hex();
    }
}
