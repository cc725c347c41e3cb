package app.strongroom.batch.backup;

import app.strongroom.backup.BackupOutcome;
import app.strongroom.backup.BackupRuns;
import app.strongroom.backup.TenantBackupService;
import app.strongroom.batch.Partitions;
import app.strongroom.batch.progress.Progress;
import app.strongroom.catalog.TenantId;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Backs up the partition's tenant, its bytes reported as they are written. A failed backup is recorded with its
 * reason and does not fail the step: the other tenants' backups and the rest of the job go on, and retention leaves
 * that tenant alone; the run's last step then ends the execution FAILED, naming the tenant.
 */
@Named
@Dependent
public class BackUpTenant extends AbstractBatchlet {
    @Inject
    @BatchProperty
    String run;
    @Inject
    @BatchProperty
    String tenantId;
    @Inject
    @BatchProperty
    String execution;
    @EJB
    TenantBackupService backups;
    @EJB
    BackupRuns runs;
    @Inject
    Progress progress;

    @Override
    public String process() {
        if (tenantId == null || tenantId.isBlank()) {
            return "NO_TENANT";
        }
        long executionId = Partitions.execution(execution);
        TenantId tenant = TenantId.parse(tenantId);
        BackupOutcome outcome = backups.backUp(tenant, run, progress.sink(executionId));
        try {
            runs.beat(run);
        } catch (RuntimeException missed) {
            // A missed sign of life costs nothing: the watch gives one every ten seconds; the backup is what counts.
            java.util.logging.Logger.getLogger(BackUpTenant.class.getName()).fine(() -> "heartbeat missed: " + missed);
        }
        if (outcome instanceof BackupOutcome.Failed failed) {
            progress.tenantFailed(executionId, tenant, failed.reason());
            return "FAILED";
        }
        progress.advance(executionId, 1, 0);
        if (outcome instanceof BackupOutcome.Good) {
            return "GOOD";
        }
        return outcome instanceof BackupOutcome.AlreadyDone ? "ALREADY_DONE" : "NOT_ACTIVE";
    }
}
