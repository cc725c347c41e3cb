package app.strongroom.backup;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.BackupRun;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts the backup and retention jobs (Jakarta Batch, job XML in the batch module). Platform-internal: the schedule,
 * the resumption of interrupted runs, and staff services that check their callers' roles themselves.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupJobs {
    public static final String BACKUP = "backup";
    public static final String RETENTION = "retention";

    @EJB
    BackupRuns runs;

    /** A new run of every tenant (empty) or one; returns the job execution id. */
    public long startBackup(Optional<TenantId> tenant) {
        return start(runs.open(tenant), tenant);
    }

    /** Carries an interrupted run on: the tenants it backed up already are skipped. */
    public long resume(BackupRun run) {
        return start(run.runKey(), run.tenant());
    }

    /**
     * The operators took the run in hand (stopped or abandoned its execution): nobody resumes it on their own any
     * more; restarting the execution carries it on.
     */
    public void handOver(String runKey) {
        runs.finish(runKey);
    }

    public long startRetention(Optional<TenantId> tenant, boolean dryRun) {
        Properties parameters = new Properties();
        tenant.ifPresent(t -> parameters.setProperty("tenant", t.value().toString()));
        parameters.setProperty("dryRun", Boolean.toString(dryRun));
        return operator().start(RETENTION, parameters);
    }

    private long start(String runKey, Optional<TenantId> tenant) {
        Properties parameters = new Properties();
        parameters.setProperty("run", runKey);
        tenant.ifPresent(t -> parameters.setProperty("tenant", t.value().toString()));
        return operator().start(BACKUP, parameters);
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
