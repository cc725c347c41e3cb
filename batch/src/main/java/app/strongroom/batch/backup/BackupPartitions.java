package app.strongroom.batch.backup;

import app.strongroom.backup.BackupRuns;
import app.strongroom.batch.Partitions;
import app.strongroom.batch.progress.Progress;
import app.strongroom.catalog.TenantStatus;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * One partition per tenant to back up (every active tenant, or the one asked for), a few at a time; the console expects
 * as many tenants done. A restarted execution takes its run over again, so a crash during it is resumed like any run's.
 */
@Named
@Dependent
public class BackupPartitions implements PartitionMapper {
    @Inject
    @BatchProperty
    String tenant;
    @EJB
    TenantCatalog catalog;
    @Inject
    PlatformSettings settings;
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
    public PartitionPlan mapPartitions() {
        List<String> tenants = tenant != null && !tenant.isBlank() ? List.of(tenant.strip())
                : catalog.all().stream().filter(t -> t.status() == TenantStatus.ACTIVE)
                        .map(t -> t.id().value().toString()).toList();
        if (run != null && !run.isBlank()) {
            try {
                runs.carryOnHere(run);
            } catch (jakarta.ejb.EJBException takenElsewhere) {
                // Another instance took the run at this moment; the run key keeps the two from backing a tenant up twice.
            }
        }
        progress.expect(job.getExecutionId(), tenants.size());
        return Partitions.of(tenants, "tenantId", settings.backupParallelism(), job.getExecutionId());
    }
}
