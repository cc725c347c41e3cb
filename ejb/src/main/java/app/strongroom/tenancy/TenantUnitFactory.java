package app.strongroom.tenancy;

import app.strongroom.platform.DatabaseServerSettings;
import app.strongroom.platform.TenantUnitSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens one tenant's persistence unit: a small HikariCP pool that logs in as the tenant's own role (no connection kept
 * while idle) and an EclipseLink factory of the {@code tenant} unit over it.
 */
public final class TenantUnitFactory {
    private TenantUnitFactory() {
    }

    public static TenantUnitRegistry.OpenUnit open(DatabaseServerSettings server, String database, String role,
                                                   String password, TenantUnitSettings settings, String name) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(name);
        pool.setDataSource(server.dataSource(database, role, password));
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setMinimumIdle(0);
        pool.setIdleTimeout(settings.connectionIdleTimeout().toMillis());
        pool.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(pool);
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.persistencexml", "META-INF/tenant-persistence.xml");
        properties.put("eclipselink.session-name", name);
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
