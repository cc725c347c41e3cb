package app.strongroom.batch.backup;

import app.strongroom.backup.BackupOutcome;
import app.strongroom.backup.BackupRuns;
import app.strongroom.backup.TenantBackupService;
import app.strongroom.catalog.TenantId;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Backs up the partition's tenant. A failed backup is recorded with its reason and does not fail the step: the other
 * tenants' backups and the rest of the job go on, and retention leaves that tenant alone.
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
    @EJB
    TenantBackupService backups;
    @EJB
    BackupRuns runs;

    @Override
    public String process() {
        if (tenantId == null || tenantId.isBlank()) {
            return "NO_TENANT";
        }
        BackupOutcome outcome = backups.backUp(TenantId.parse(tenantId), run);
        try {
            runs.beat(run);
        } catch (RuntimeException missed) {
            // A missed sign of life costs nothing: the watch gives one every ten seconds; the backup is what counts.
            java.util.logging.Logger.getLogger(BackUpTenant.class.getName()).fine(() -> "heartbeat missed: " + missed);
        }
        if (outcome instanceof BackupOutcome.Good) {
            return "GOOD";
        }
        return outcome instanceof BackupOutcome.AlreadyDone ? "ALREADY_DONE" : "FAILED";
    }
}
