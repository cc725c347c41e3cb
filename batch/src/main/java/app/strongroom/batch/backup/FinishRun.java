package app.strongroom.batch.backup;

import app.strongroom.backup.BackupRuns;
import app.strongroom.batch.progress.Progress;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Marks the run finished: from now on nobody resumes it on their own. If a tenant's backup failed in this execution,
 * the execution ends FAILED, its exit status naming each such tenant and why, so the operators see it and restart it
 * once the cause is fixed; the restart backs up only the tenants the run has no good backup of yet.
 */
@Named
@Dependent
public class FinishRun extends AbstractBatchlet {
    /** The longest exit status the batch runtime's repository keeps whole. */
    static final int EXIT_STATUS_MAX = 500;

    @Inject
    @BatchProperty
    String run;
    @EJB
    BackupRuns runs;
    @Inject
    JobContext job;
    @Inject
    Progress progress;

    @Override
    public String process() {
        runs.finish(run);
        List<String> failures = progress.failures(job.getExecutionId());
        if (failures.isEmpty()) {
            return "FINISHED";
        }
        String verdict = app.strongroom.common.Reasons.fit(failures.size() + " tenant(s) failed: "
                + String.join("; ", failures), "tenants failed", EXIT_STATUS_MAX);
        job.setExitStatus(verdict);
        throw new TenantsFailedException(verdict);
    }

    /** Ends the execution FAILED; its message is the exit status, already recorded. */
    static final class TenantsFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TenantsFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
