package app.strongroom.tenancy;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.platform.TenantSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.function.Function;

/** The application-wide registry of tenant persistence units; see the package documentation for the design. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class TenantUnits {
    @Inject
    PlatformSettings settings;
    @EJB
    TenantCatalog catalog;

    private TenantUnitRegistry registry;
    private TenantSecrets secrets;

    @PostConstruct
    void start() {
        secrets = new TenantSecrets(settings.masterKey());
        registry = new TenantUnitRegistry(this::open, settings.tenantUnits(), Clock.systemUTC());
    }

    @PreDestroy
    void stop() {
        registry.close();
    }

    /** Runs platform work (sign-in, provisioning) on a tenant named by the platform itself, never by a request. */
    public <T> T inTransaction(TenantId tenant, Function<EntityManager, T> work) {
        return registry.inTransaction(tenant, work);
    }

    public void close(TenantId tenant) {
        registry.close(tenant);
    }

    public int openUnits() {
        return registry.openUnits();
    }

    public String rolePassword(TenantId tenant) {
        return secrets.rolePassword(tenant);
    }

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void evictIdle() {
        registry.evictIdle();
    }

    private TenantUnitRegistry.OpenUnit open(TenantId id) {
        Tenant tenant = catalog.get(id);
        return TenantUnitFactory.open(settings.server(tenant.server().name()), tenant.databaseName(), tenant.roleName(),
                secrets.rolePassword(id), settings.tenantUnits(), "tenant-" + id.hex());
    }
}
