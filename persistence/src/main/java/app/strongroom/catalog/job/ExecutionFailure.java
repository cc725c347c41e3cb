package app.strongroom.catalog.job;

import app.strongroom.common.Reasons;
import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A tenant whose work failed in a job execution, and why, in words an operator can act on. The tenant is kept by its
 * short name as it was then, so the line still reads right after the tenant is renamed or deleted. Append-only.
 */
@Entity
@Table(name = "job_failure")
@NamedQuery(name = ExecutionFailure.OF_EXECUTION, query = "select f from ExecutionFailure f"
        + " where f.executionId = :execution order by f.id")
public class ExecutionFailure {
    public static final String OF_EXECUTION = "ExecutionFailure.ofExecution";
    private static final int REASON_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "execution_id", nullable = false)
    private long executionId;
    @Column(nullable = false)
    private String tenant;
    @Column(nullable = false)
    private String reason;
    @Column(name = "failed_at", nullable = false)
    private OffsetDateTime failedAt;

    protected ExecutionFailure() {
    }

    public ExecutionFailure(long executionId, String tenant, String reason, Instant now) {
        this.executionId = executionId;
        this.tenant = Require.text("tenant", tenant, 100);
        this.reason = Reasons.fit(reason, "no reason given", REASON_MAX);
        this.failedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    public long executionId() {
        return executionId;
    }

    public String tenant() {
        return tenant;
    }

    public String reason() {
        return reason;
    }

    /** The line the console shows: "tenant acme: the backup location is full: …". */
    public String line() {
        return "tenant " + tenant + ": " + reason;
    }
}
