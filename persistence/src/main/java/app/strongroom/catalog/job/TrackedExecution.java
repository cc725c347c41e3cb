package app.strongroom.catalog.job;

import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A job execution the console lists, and its progress: {@code done} of {@code total} units of work (tenants, or
 * objects for replication) and the bytes moved. Steps of one execution run in parallel partitions and on several
 * threads, so progress is changed only by the update queries, which add to the figures in one statement each: no
 * partition's report overwrites another's.
 */
@Entity
@Table(name = "job_progress")
@NamedQuery(name = TrackedExecution.NEWEST, query = "select t.executionId from TrackedExecution t order by t.executionId desc")
@NamedQuery(name = TrackedExecution.NEWEST_OF_JOB, query = "select t.executionId from TrackedExecution t"
        + " where t.job = :job order by t.executionId desc")
@NamedQuery(name = TrackedExecution.COUNT, query = "select count(t) from TrackedExecution t")
@NamedQuery(name = TrackedExecution.COUNT_OF_JOB, query = "select count(t) from TrackedExecution t where t.job = :job")
@NamedQuery(name = TrackedExecution.EXPECT, query = "update TrackedExecution t set t.total = t.total + :units,"
        + " t.updatedAt = :now where t.executionId = :execution")
@NamedQuery(name = TrackedExecution.ADVANCE, query = "update TrackedExecution t set t.done = t.done + :units,"
        + " t.bytes = t.bytes + :bytes, t.updatedAt = :now where t.executionId = :execution")
@NamedNativeQuery(name = TrackedExecution.TRACK, query = "insert into job_progress"
        + " (execution_id, job, tracked_at, updated_at, total, done, bytes) values (?1, ?2, ?3, ?3, 0, 0, 0)"
        + " on conflict (execution_id) do nothing")
public class TrackedExecution {
    public static final String NEWEST = "TrackedExecution.newest";
    public static final String NEWEST_OF_JOB = "TrackedExecution.newestOfJob";
    public static final String COUNT = "TrackedExecution.count";
    public static final String COUNT_OF_JOB = "TrackedExecution.countOfJob";
    /** Adds {@code :units} to the work expected. */
    public static final String EXPECT = "TrackedExecution.expect";
    /** Adds {@code :units} done and {@code :bytes} moved. */
    public static final String ADVANCE = "TrackedExecution.advance";
    /**
     * Starts tracking execution {@code ?1} of job {@code ?2} at {@code ?3}; nothing if it is tracked already: the
     * job's listener and the service that started it may both ask, in either order.
     */
    public static final String TRACK = "TrackedExecution.track";

    @Id
    @Column(name = "execution_id")
    private long executionId;
    @Column(nullable = false)
    private String job;
    @Column(name = "tracked_at", nullable = false)
    private OffsetDateTime trackedAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Column(nullable = false)
    private long total;
    @Column(nullable = false)
    private long done;
    @Column(nullable = false)
    private long bytes;

    protected TrackedExecution() {
    }

    public TrackedExecution(long executionId, String job, Instant now) {
        if (executionId <= 0) {
            throw new app.strongroom.common.InvalidValue("execution", "must be a positive id");
        }
        this.executionId = executionId;
        this.job = Require.text("job", job, 40);
        this.trackedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        this.updatedAt = trackedAt;
    }

    public long executionId() {
        return executionId;
    }

    public String job() {
        return job;
    }

    public long total() {
        return total;
    }

    public long done() {
        return done;
    }

    public long bytes() {
        return bytes;
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }
}
