package app.strongroom.jobs;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.job.ExecutionFailure;
import app.strongroom.catalog.job.TrackedExecution;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Where the platform's jobs report how far they have come, for the console to show while they run. Every job
 * execution is tracked from its start (the job XML's {@code jobTracking} listener, or the service that started it,
 * calls {@link #track}); its steps then say how much work they expect ({@link #expect}: a partition mapper with the
 * number of tenants) and add what they did as they go ({@link #advance}: one tenant and its bytes), and name each tenant
 * whose work failed ({@link #tenantFailed}). Partitions report in parallel: every report adds to the figures in one
 * statement of its own transaction, so none overwrites another and a report never joins the work's transaction.
 *
 * <p>A job outside the batch module (the restore job) reports the same way: list the listener in its job XML (or call
 * {@code track(execution, JobName.RESTORE)} after starting it), then {@code expect(execution, 1)},
 * {@code advance(execution, 0, bytes)} while it copies and {@code advance(execution, 1, 0)} when done, or
 * {@code tenantFailed(execution, tenant, reason)}. {@link #failureLines} is what the job's last step reads to end the
 * execution FAILED with the tenants named in its exit status.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobProgress {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;
    @EJB
    TenantCatalog tenants;

    private final Clock clock = Clock.systemUTC();

    /** Tracks the execution from now on; nothing if it is tracked already. */
    public void track(long executionId, JobName job) {
        em.createNamedQuery(TrackedExecution.TRACK).setParameter(1, executionId).setParameter(2, job.xmlName())
                .setParameter(3, now()).executeUpdate();
    }

    /** {@code units} more units of work (tenants, objects) are to be done in the execution. */
    public void expect(long executionId, long units) {
        requireNotNegative(units, "units");
        em.createNamedQuery(TrackedExecution.EXPECT).setParameter("units", units).setParameter("now", now())
                .setParameter("execution", executionId).executeUpdate();
    }

    /** {@code units} more units were done, and {@code bytes} more written or copied. */
    public void advance(long executionId, long units, long bytes) {
        requireNotNegative(units, "units");
        requireNotNegative(bytes, "bytes");
        em.createNamedQuery(TrackedExecution.ADVANCE).setParameter("units", units).setParameter("bytes", bytes)
                .setParameter("now", now()).setParameter("execution", executionId).executeUpdate();
    }

    /**
     * The tenant's work in the execution failed for {@code reason} (words an operator can act on). It counts as one
     * unit done: nothing more will be done for it in this execution.
     */
    public void tenantFailed(long executionId, TenantId tenant, String reason) {
        String name = tenants.find(tenant).map(t -> t.slug().value()).orElse(tenant.value().toString());
        em.persist(new ExecutionFailure(executionId, name, reason, clock.instant()));
        advance(executionId, 1, 0);
    }

    /** The execution's progress; empty if it is not tracked. */
    public Optional<JobProgressView> of(long executionId) {
        return Optional.ofNullable(em.find(TrackedExecution.class, executionId))
                .map(t -> new JobProgressView(t.done(), t.total(), t.bytes()));
    }

    /** One line per tenant that failed in the execution, in the order they failed: "tenant acme: …". */
    public List<String> failureLines(long executionId) {
        return em.createNamedQuery(ExecutionFailure.OF_EXECUTION, ExecutionFailure.class)
                .setParameter("execution", executionId).getResultStream().map(ExecutionFailure::line).toList();
    }

    /** Tracked executions of one job or of all, newest first: the ids of {@code count} from {@code first}, and how many in all. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JobHistory history(Optional<JobName> job, int first, int count) {
        var ids = job.isPresent()
                ? em.createNamedQuery(TrackedExecution.NEWEST_OF_JOB, Long.class).setParameter("job", job.get().xmlName())
                : em.createNamedQuery(TrackedExecution.NEWEST, Long.class);
        var total = job.isPresent()
                ? em.createNamedQuery(TrackedExecution.COUNT_OF_JOB, Long.class).setParameter("job", job.get().xmlName())
                : em.createNamedQuery(TrackedExecution.COUNT, Long.class);
        return new JobHistory(ids.setFirstResult(first).setMaxResults(count).getResultList(), total.getSingleResult());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void requireNotNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " cannot be negative: " + value);
        }
    }
}
