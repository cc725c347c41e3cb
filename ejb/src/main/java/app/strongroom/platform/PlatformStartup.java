package app.strongroom.platform;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantDatabase;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantDatabases;
import app.strongroom.tenancy.TenantTeardown;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.keys.TenantKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the platform to a known state before the first request: the catalog database and every server's tenant
 * template exist and are migrated, every tenant database is at the current version, tenants left half-made or
 * half-deleted by a crash are removed, and the first operator exists.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DataSourceDefinition(
        name = "java:app/jdbc/catalog",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "jdbc:postgresql://${MPCONFIG=strongroom.db.host}:${MPCONFIG=strongroom.db.port}/${MPCONFIG=strongroom.catalog.database}",
        user = "${MPCONFIG=strongroom.db.admin-user}",
        password = "${MPCONFIG=strongroom.db.admin-password}",
        minPoolSize = 0,
        maxPoolSize = 20,
        maxIdleTime = 300)
public class PlatformStartup {
    private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

    @Inject
    PlatformSettings settings;
    @EJB
    TenantCatalog catalog;
    @EJB
    TenantDatabases databases;
    @EJB
    StaffBootstrap staff;
    @EJB
    TenantTeardown teardown;
    @EJB
    TenantKeys keys;
    @EJB
    TenantUnits units;
    @Inject
    app.strongroom.sites.SiteRegistry sites;
    @EJB
    app.strongroom.sites.SiteCopies siteCopies;
    @EJB
    app.strongroom.drill.DrillService drills;

    private int templateVersion;

    @PostConstruct
    void start() {
        // Checked first: a platform without copies on three sites and two continents must not take data at all.
        sites.all().forEach(site -> LOG.info(() -> "backup site " + site.name() + ": " + site.continent() + ", "
                + site.region() + ", " + site.location().describe()));
        DatabaseServerSettings catalogServer = settings.catalogServer();
        PostgresAdmin catalogAdmin = new PostgresAdmin(catalogServer);
        SqlIdentifier catalogDb = new SqlIdentifier(settings.catalogDatabase());
        catalogAdmin.createDatabase(catalogDb);
        catalogAdmin.closeToPublic(catalogDb);
        Migrations.migrateCatalog(catalogAdmin.adminDataSource(catalogDb));

        SqlIdentifier template = new SqlIdentifier(TenantDatabase.TEMPLATE);
        for (DatabaseServerSettings server : settings.servers()) {
            PostgresAdmin admin = new PostgresAdmin(server);
            closeMaintenanceDatabases(admin);
            admin.createDatabase(template);
            admin.closeToPublic(template);
            templateVersion = Migrations.migrateTenant(admin.adminDataSource(template));
            catalog.registerServer(server.name(), server.host(), server.port(), templateVersion);
        }
        for (Tenant behind : catalog.behindSchema(templateVersion)) {
            catalog.recordSchemaVersion(behind.id(), databases.upgrade(behind.id()));
            LOG.info(() -> "tenant " + behind.slug() + " upgraded to schema version " + templateVersion);
        }
        sweepStuckTenants();
        drills.sweepInterrupted();
        rewrapUnderCurrentMasterKey();
        settings.firstOperator().ifPresent(first -> staff.createFirstOperator(first.login(), first.password()));
        LOG.info(() -> "Strongroom platform ready: tenant schema version " + templateVersion);
    }

    public int templateVersion() {
        return templateVersion;
    }

    /**
     * A server whose administrator may not close {@code postgres} and {@code template1} still works; the operator is
     * told once per start which databases tenant roles can still connect to, and why.
     */
    private static void closeMaintenanceDatabases(PostgresAdmin admin) {
        java.util.List<String> open = admin.closeMaintenanceDatabases();
        if (!open.isEmpty()) {
            LOG.warning(() -> "PostgreSQL server " + admin.server().name() + ": tenant roles can still connect to "
                    + String.join(", ", open) + "; as a superuser run REVOKE CONNECT ON DATABASE <name> FROM PUBLIC "
                    + "after GRANT CONNECT ON DATABASE <name> TO " + admin.server().adminUser());
        }
    }

    /**
     * A master-key rotation: keysets still wrapped by a retired master key are re-wrapped under the current one, and
     * the tenant database roles, whose passwords derive from the master key, get their new passwords.
     */
    private void rewrapUnderCurrentMasterKey() {
        int created = keys.createMissing(catalog.all().stream().map(Tenant::id).toList());
        if (created > 0) {
            LOG.info(() -> created + " tenants without a key row got one (from the backup location where it held one)");
        }
        java.util.List<app.strongroom.catalog.TenantId> rewrapped = keys.rewrapUnderCurrentMasterKey();
        if (settings.masterKeys().size() > 1) {
            for (Tenant tenant : catalog.all()) {
                new PostgresAdmin(settings.server(tenant.server().name())).createLoginRole(
                        new SqlIdentifier(tenant.roleName()), units.rolePassword(tenant.id()));
            }
        }
        if (!rewrapped.isEmpty() || created > 0) {
            siteCopies.requestPassesEverywhere();
        }
        if (!rewrapped.isEmpty()) {
            LOG.info(() -> rewrapped.size() + " tenant keys re-wrapped under the current master key");
        }
    }

    private void sweepStuckTenants() {
        for (Tenant stuck : catalog.stuckSince(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10))) {
            try {
                teardown.tearDown(stuck.id());
                LOG.warning(() -> "removed tenant " + stuck.slug() + ", left " + stuck.status() + " by an interrupted run");
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "could not remove stuck tenant " + stuck.slug(), e);
            }
        }
    }
}
