package app.strongroom.tenancy;

import app.strongroom.catalog.TenantId;
import app.strongroom.platform.TenantUnitSettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Open tenant persistence units, opened on first use and closed when idle or when more than the allowed number are
 * open. A unit in use (leased) is never closed under its user, except by {@link #close(TenantId)}, which is used only
 * when the tenant itself is going away.
 */
public final class TenantUnitRegistry implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TenantUnitRegistry.class.getName());

    /** Opens a tenant's unit: its factory and whatever must be closed with it (its connection pool). */
    @FunctionalInterface
    public interface Opener {
        OpenUnit open(TenantId tenant);
    }

    public record OpenUnit(EntityManagerFactory factory, AutoCloseable resources) {
    }

    private final Opener opener;
    private final TenantUnitSettings settings;
    private final Clock clock;
    private final Map<TenantId, Unit> units = new ConcurrentHashMap<>();

    public TenantUnitRegistry(Opener opener, TenantUnitSettings settings, Clock clock) {
        this.opener = opener;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs {@code work} in one transaction on the tenant's database: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(TenantId tenant, Function<EntityManager, T> work) {
        Unit unit = lease(tenant);
        try {
            EntityManager em = unit.open.factory().createEntityManager();
            EntityTransaction tx = em.getTransaction();
            try {
                tx.begin();
                T result = work.apply(em);
                tx.commit();
                return result;
            } finally {
                if (tx.isActive()) {
                    tx.rollback();
                }
                em.close();
            }
        } finally {
            unit.release(clock.millis());
        }
    }

    public int openUnits() {
        return units.size();
    }

    public boolean isOpen(TenantId tenant) {
        return units.containsKey(tenant);
    }

    /** Closes units unused for longer than the idle timeout. */
    public void evictIdle() {
        long cutoff = clock.millis() - settings.unitIdleTimeout().toMillis();
        units.values().forEach(unit -> unit.closeIfIdleSince(cutoff));
    }

    /** Closes the tenant's unit at once, even if in use: the tenant is being deleted or restored. */
    public void close(TenantId tenant) {
        Optional.ofNullable(units.get(tenant)).ifPresent(Unit::forceClose);
    }

    @Override
    public void close() {
        units.values().forEach(Unit::forceClose);
    }

    private Unit lease(TenantId tenant) {
        while (true) {
            Unit unit = units.computeIfAbsent(tenant, id -> new Unit(id, opener.open(id)));
            if (unit.tryLease(clock.millis())) {
                enforceBound();
                return unit;
            }
            units.remove(tenant, unit);
        }
    }

    private void enforceBound() {
        int excess = units.size() - settings.maxOpenUnits();
        if (excess <= 0) {
            return;
        }
        units.values().stream()
                .filter(Unit::idle)
                .sorted(Comparator.comparingLong(Unit::lastUsed))
                .limit(excess)
                .forEach(unit -> unit.closeIfIdleSince(Long.MAX_VALUE));
    }

    private final class Unit {
        private final TenantId tenant;
        private final OpenUnit open;
        private int leases;
        private long lastUsed;
        private boolean closed;

        Unit(TenantId tenant, OpenUnit open) {
            this.tenant = tenant;
            this.open = open;
        }

        synchronized boolean tryLease(long now) {
            if (closed) {
                return false;
            }
            leases++;
            lastUsed = now;
            return true;
        }

        synchronized void release(long now) {
            leases--;
            lastUsed = now;
        }

        synchronized boolean idle() {
            return leases == 0 && !closed;
        }

        synchronized long lastUsed() {
            return lastUsed;
        }

        synchronized void closeIfIdleSince(long cutoff) {
            if (leases == 0 && !closed && lastUsed <= cutoff) {
                shut();
            }
        }

        synchronized void forceClose() {
            if (!closed) {
                shut();
            }
        }

        private void shut() {
            closed = true;
            units.remove(tenant, this);
            try {
                open.factory().close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the persistence unit of tenant " + tenant, e);
            }
            try {
                open.resources().close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing the connection pool of tenant " + tenant, e);
            }
        }
    }
}
