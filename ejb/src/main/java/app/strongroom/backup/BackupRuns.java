package app.strongroom.backup;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.BackupRun;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Backup runs as the catalog records them: opened, kept alive, finished, and taken over when abandoned. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BackupRuns {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;
    @Inject
    ServerInstance instance;

    private final Clock clock = Clock.systemUTC();

    /** A new run of every tenant (empty) or of one; returns its key. */
    public String open(Optional<TenantId> tenant) {
        String runKey = UUID.randomUUID().toString();
        em.persist(new BackupRun(runKey, tenant, instance.name(), clock.instant()));
        return runKey;
    }

    public Optional<BackupRun> find(String runKey) {
        return Optional.ofNullable(em.find(BackupRun.class, runKey));
    }

    public void beat(String runKey) {
        em.createNamedQuery(BackupRun.BEAT).setParameter("now", now()).setParameter("run", runKey).executeUpdate();
    }

    /** Ends the run if it is not ended yet; ending an ended run changes nothing. */
    public void finish(String runKey) {
        em.createNamedQuery(BackupRun.FINISH).setParameter("now", now()).setParameter("run", runKey).executeUpdate();
    }

    /**
     * The run is carried on by this instance from now on (a restarted execution of it): unfinished again, and kept
     * alive here, so a crash during the restart is resumed like any run's. Another instance taking it at the same
     * moment keeps it.
     */
    public void carryOnHere(String runKey) {
        try {
            find(runKey).ifPresent(run -> run.carryOn(instance.name(), clock.instant()));
            em.flush();
        } catch (OptimisticLockException takenElsewhere) {
            // The other instance carries it on; this execution's tenants are skipped there as here by the run key.
        }
    }

    /** Runs of this instance that are still going: kept alive while it lives. */
    public void beatOwnRuns() {
        em.createNamedQuery(BackupRun.BEAT_OWN).setParameter("now", now()).setParameter("instance", instance.name())
                .executeUpdate();
    }

    private java.time.OffsetDateTime now() {
        return java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    /** The unfinished runs nobody kept alive for {@code staleAfter}. */
    public List<BackupRun> abandoned(Duration staleAfter) {
        return em.createNamedQuery(BackupRun.UNFINISHED, BackupRun.class).getResultStream()
                .filter(run -> run.isAbandoned(clock.instant(), staleAfter)).toList();
    }

    /** Claims an abandoned run for this instance; false if another instance claimed it first. */
    public boolean takeOver(String runKey, Duration staleAfter) {
        try {
            BackupRun run = em.find(BackupRun.class, runKey);
            if (run == null || !run.isAbandoned(clock.instant(), staleAfter)) {
                return false;
            }
            run.takeOver(instance.name(), clock.instant());
            em.flush();
            return true;
        } catch (OptimisticLockException claimedElsewhere) {
            return false;
        }
    }

    public List<BackupRun> recent(int count) {
        return em.createNamedQuery(BackupRun.RECENT, BackupRun.class).setMaxResults(count).getResultList();
    }
}
