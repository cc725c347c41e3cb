package app.strongroom.batch.progress;

import app.strongroom.jobs.JobProgress;
import app.strongroom.jobs.ProgressSink;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

/**
 * A step's reports to the console: best effort, since a bar that lags costs nothing and a backup that failed over its
 * progress bar would. A failing tenant is the exception: it is recorded or the step fails, because the execution's
 * verdict is read from those records.
 */
@Dependent
public class Progress {
    @EJB
    JobProgress progress;

    /** Where work inside one service call reports to execution {@code executionId} (none when it is 0). */
    public ProgressSink sink(long executionId) {
        return executionId > 0 ? ProgressSink.of(progress, executionId) : ProgressSink.NONE;
    }

    public void expect(long executionId, long units) {
        sink(executionId).expect(units);
    }

    public void advance(long executionId, long units, long bytes) {
        sink(executionId).advance(units, bytes);
    }

    public void tenantFailed(long executionId, app.strongroom.catalog.TenantId tenant, String reason) {
        if (executionId > 0) {
            progress.tenantFailed(executionId, tenant, reason);
        }
    }

    /** The tenants that failed in the execution, one line each. */
    public java.util.List<String> failures(long executionId) {
        return progress.failureLines(executionId);
    }
}
