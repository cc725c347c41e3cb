package app.strongroom.platform;

import java.time.Duration;

/**
 * Bounds on the per-tenant persistence units: how many may be open at once, how long an unused one is kept, how
 * many connections one tenant may hold and how soon an unused connection is closed.
 */
public record TenantUnitSettings(int maxOpenUnits, Duration unitIdleTimeout, int poolSize, Duration connectionIdleTimeout) {
    public TenantUnitSettings {
        if (maxOpenUnits < 1 || poolSize < 1) {
            throw new IllegalArgumentException("max open units and pool size must be positive");
        }
        if (connectionIdleTimeout.toMillis() < 10_000) {
            throw new IllegalArgumentException("connection idle timeout must be at least 10 s (HikariCP's floor)");
        }
    }
}
