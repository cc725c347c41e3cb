package app.strongroom.tenancy;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.platform.DatabaseServerSettings;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.platform.TenantSecrets;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
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
        DatabaseServerSettings server = settings.server(tenant.server().name());
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("tenant-" + id.hex());
        pool.setDataSource(server.dataSource(tenant.databaseName(), tenant.roleName(), secrets.rolePassword(id)));
        pool.setMaximumPoolSize(settings.tenantUnits().poolSize());
        pool.setMinimumIdle(0);
        pool.setIdleTimeout(settings.tenantUnits().connectionIdleTimeout().toMillis());
        pool.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(pool);
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.persistencexml", "META-INF/tenant-persistence.xml");
        properties.put("eclipselink.session-name", "tenant-" + id.hex());
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        try {
            return new TenantUnitRegistry.OpenUnit(Persistence.createEntityManagerFactory("tenant", properties), dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }
}
