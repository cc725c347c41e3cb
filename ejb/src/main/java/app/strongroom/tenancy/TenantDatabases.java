package app.strongroom.tenancy;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantDatabase;
import app.strongroom.catalog.TenantId;
import app.strongroom.platform.Migrations;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Creates, upgrades and destroys a tenant's dedicated database and login role. Each operation is idempotent, so it
 * can be re-run to finish or undo a provisioning that stopped half-way.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantDatabases {
    @Inject
    PlatformSettings settings;
    @EJB
    TenantCatalog catalog;
    @EJB
    TenantUnits units;

    /** Role, database copied from the (already migrated) template and grants; returns the schema version it has. */
    public int create(TenantId id) {
        Tenant tenant = catalog.get(id);
        PostgresAdmin admin = admin(tenant);
        SqlIdentifier database = new SqlIdentifier(tenant.databaseName());
        SqlIdentifier role = new SqlIdentifier(tenant.roleName());
        admin.createLoginRole(role, units.rolePassword(id));
        admin.createDatabaseFromTemplate(database, new SqlIdentifier(TenantDatabase.TEMPLATE));
        admin.confineRole(database, role);
        return tenant.server().templateVersion();
    }

    /** Applies migrations shipped since the tenant database was made, and grants the role any new table. */
    public int upgrade(TenantId id) {
        Tenant tenant = catalog.get(id);
        PostgresAdmin admin = admin(tenant);
        SqlIdentifier database = new SqlIdentifier(tenant.databaseName());
        int version = Migrations.migrateTenant(admin.adminDataSource(database));
        admin.confineRole(database, new SqlIdentifier(tenant.roleName()));
        return version;
    }

    /**
     * Closes the tenant's unit and drops its database, every restored copy of it (side databases, and any a killed
     * restore left) and its role; the catalog row is the caller's to remove.
     */
    public void destroy(TenantId id) {
        Tenant tenant = catalog.get(id);
        units.close(id);
        PostgresAdmin admin = admin(tenant);
        for (SqlIdentifier copy : admin.databasesUnder(new SqlIdentifier(tenant.databaseName()))) {
            admin.dropDatabase(copy);
        }
        admin.dropDatabaseAndRole(new SqlIdentifier(tenant.databaseName()), new SqlIdentifier(tenant.roleName()));
    }

    private PostgresAdmin admin(Tenant tenant) {
        return new PostgresAdmin(settings.server(tenant.server().name()));
    }
}
