package app.strongroom.drill;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.drill.DrillRun;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The catalog's record of drills; each change a transaction of its own, so a drill that dies still says how far it got. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DrillRuns {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    public DrillRun start(TenantId tenant, UUID backup, String site, Clock clock) {
        DrillRun run = DrillRun.start(tenant, backup, site, clock.instant());
        em.persist(run);
        return run;
    }

    public void passed(UUID run, Duration restore, long bytes, int tables, long rows, Clock clock) {
        get(run).passed(restore, bytes, tables, rows, clock.instant());
    }

    public void failed(UUID run, String reason, Clock clock) {
        get(run).failed(reason, clock.instant());
    }

    /** The tenant's newest drill that has finished, passed or failed. */
    public Optional<DrillRun> latestFinished(TenantId tenant) {
        return em.createNamedQuery(DrillRun.OF_TENANT, DrillRun.class).setParameter("tenant", tenant.value())
                .setMaxResults(20).getResultStream().filter(d -> d.passed().isPresent()).findFirst();
    }

    /** The tenant's newest finished drills, at most {@code count}, newest first. */
    public List<DrillRun> finishedOf(TenantId tenant, int count) {
        return em.createNamedQuery(DrillRun.OF_TENANT, DrillRun.class).setParameter("tenant", tenant.value())
                .setMaxResults(count * 2).getResultStream().filter(d -> d.passed().isPresent()).limit(count).toList();
    }

    public List<DrillRun> unfinishedBefore(java.time.Instant before) {
        return em.createNamedQuery(DrillRun.UNFINISHED, DrillRun.class)
                .setParameter("before", java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC))
                .getResultList();
    }

    public List<DrillRun> recent(int count) {
        return em.createNamedQuery(DrillRun.RECENT, DrillRun.class).setMaxResults(count).getResultList();
    }

    private DrillRun get(UUID id) {
        return Optional.ofNullable(em.find(DrillRun.class, id))
                .orElseThrow(() -> new IllegalStateException("no drill " + id));
    }
}
