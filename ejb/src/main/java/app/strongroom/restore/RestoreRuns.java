package app.strongroom.restore;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.restore.RestoreMode;
import app.strongroom.catalog.restore.RestoreRun;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog's record of restores; each change a transaction of its own, so a restore that dies still says how far
 * it got. The tenant's maintenance state changes in the same transaction as the restore's, so the two never disagree.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RestoreRuns {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    public RestoreRun record(RestoreRun run) {
        em.persist(run);
        em.flush();
        return run;
    }

    /**
     * Takes the restore up for the server that drew {@code owner}; empty if it is not waiting (another server took it,
     * or it ended).
     */
    public Optional<RestoreRun> begin(UUID id, UUID owner, Clock clock) {
        RestoreRun run = em.find(RestoreRun.class, id, LockModeType.PESSIMISTIC_WRITE);
        return run != null && run.begin(clock.instant(), owner) ? Optional.of(run) : Optional.empty();
    }

    /** The owner is alive; a restore taken over meanwhile is not kept alive by its former owner. */
    public void beat(UUID id, UUID owner, Clock clock) {
        RestoreRun run = em.find(RestoreRun.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (run != null && run.isOwnedBy(owner)) {
            run.beat(clock.instant());
        }
    }

    /**
     * Takes over, for the server that drew {@code owner}, a restore nobody has kept alive since {@code before}, so
     * that only one server finishes it; empty if another server has taken it (it beats again) or it has ended.
     */
    public Optional<RestoreRun> takeOver(UUID id, Instant before, UUID owner, Clock clock) {
        RestoreRun run = em.find(RestoreRun.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.state().isFinished() || run.lastSignOfLife().isAfter(before)) {
            return Optional.empty();
        }
        run.takeOver(clock.instant(), owner);
        return Optional.of(run);
    }

    /**
     * Runs {@code step} holding the restore's row lock, only while {@code owner} still owns it, and counts as a beat:
     * a recovery taking the restore over waits for the step, then finds it alive; a step never follows a takeover.
     *
     * @throws RestoreRefusedException another server took the restore over
     */
    public void whileOwned(UUID id, UUID owner, Clock clock, Runnable step) {
        RestoreRun run = locked(id);
        if (!run.isOwnedBy(owner)) {
            throw new RestoreRefusedException("another server took the restore over before the databases were swapped");
        }
        step.run();
        run.beat(clock.instant());
    }

    /** From here until the live restore ends nobody of the tenant signs in; refused unless it is running. */
    public void beginMaintenance(UUID id, UUID owner) {
        RestoreRun run = locked(id);
        if (!run.isOwnedBy(owner) || run.mode() != RestoreMode.LIVE) {
            throw new IllegalStateException("restore " + id + " is " + run.state() + ": it holds no maintenance");
        }
        tenantOf(run).beginMaintenance();
    }

    public void safetyBackup(UUID id, UUID backup) {
        locked(id).safetyBackup(backup);
    }

    public void migratedFrom(UUID id, int version) {
        locked(id).migratedFrom(version);
    }

    /**
     * Done; a live restore's tenant leaves maintenance at the schema version of the database now live. False, and
     * nothing changed, if {@code owner} lost the restore to another server, which ends it instead.
     */
    public boolean succeed(UUID id, UUID owner, Optional<Integer> liveSchemaVersion, Clock clock) {
        RestoreRun run = locked(id);
        if (!run.isOwnedBy(owner)) {
            return false;
        }
        run.succeed(clock.instant());
        liveSchemaVersion.ifPresent(version -> {
            Tenant tenant = tenantOf(run);
            tenant.restoredAtSchemaVersion(version);
            if (tenant.isInMaintenance()) {
                tenant.endMaintenance();
            }
        });
        return true;
    }

    /**
     * Failed; if it was the tenant's live restore (at most one runs at a time), the tenant leaves the maintenance it
     * held. A failed side restore never touches the tenant's state. False, and nothing changed, if {@code owner} lost
     * the restore to another server.
     */
    public boolean fail(UUID id, UUID owner, String reason, Clock clock) {
        RestoreRun run = locked(id);
        if (!run.isOwnedBy(owner)) {
            return false;
        }
        end(run, reason, clock);
        return true;
    }

    /** A restore whose job never started fails before anyone owned it. */
    public void failUnstarted(UUID id, String reason, Clock clock) {
        RestoreRun run = locked(id);
        if (run.state() == app.strongroom.catalog.restore.RestoreState.REQUESTED) {
            end(run, reason, clock);
        }
    }

    private void end(RestoreRun run, String reason, Clock clock) {
        run.fail(reason, clock.instant());
        if (run.mode() != RestoreMode.LIVE) {
            return;
        }
        Tenant tenant = em.find(Tenant.class, run.tenant().value(), LockModeType.PESSIMISTIC_WRITE);
        if (tenant != null && tenant.isInMaintenance()) {
            tenant.endMaintenance();
        }
    }

    public void discard(UUID id, String by, Clock clock) {
        locked(id).discard(by, clock.instant());
    }

    /** Every change takes the row's lock, so it never races the heartbeat's version bump. */
    private RestoreRun locked(UUID id) {
        RestoreRun run = em.find(RestoreRun.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw new NoSuchElementException("no restore " + id);
        }
        return run;
    }

    /** A deleted tenant's restores go with it, reasons and all. */
    public void forget(TenantId tenant) {
        ofTenant(tenant).forEach(em::remove);
    }

    public Optional<RestoreRun> find(UUID id) {
        return Optional.ofNullable(em.find(RestoreRun.class, id));
    }

    public RestoreRun get(UUID id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("no restore " + id));
    }

    public List<RestoreRun> ofTenant(TenantId tenant) {
        return em.createNamedQuery(RestoreRun.OF_TENANT, RestoreRun.class).setParameter("tenant", tenant.value())
                .getResultList();
    }

    public List<RestoreRun> openSides(TenantId tenant) {
        return em.createNamedQuery(RestoreRun.OPEN_SIDES_OF_TENANT, RestoreRun.class)
                .setParameter("tenant", tenant.value()).getResultList();
    }

    /** Restores nobody has kept alive since {@code before}: their server stopped or was killed. */
    public List<RestoreRun> abandonedSince(Instant before) {
        return em.createNamedQuery(RestoreRun.UNFINISHED, RestoreRun.class)
                .setParameter("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).getResultList();
    }

    private Tenant tenantOf(RestoreRun run) {
        Tenant tenant = em.find(Tenant.class, run.tenant().value(), LockModeType.PESSIMISTIC_WRITE);
        if (tenant == null) {
            throw new NoSuchElementException("the tenant of restore " + run.id() + " is gone");
        }
        return tenant;
    }
}
