package app.strongroom.batch.drill;

import app.strongroom.batch.Partitions;
import app.strongroom.batch.progress.Progress;
import app.strongroom.catalog.TenantStatus;
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

/** One partition per tenant to drill (every active tenant, or the one asked for), one at a time: drills are heavy. */
@Named
@Dependent
public class DrillPartitions implements PartitionMapper {
    @Inject
    @BatchProperty
    String tenant;
    @EJB
    TenantCatalog catalog;
    @Inject
    JobContext job;
    @Inject
    Progress progress;

    @Override
    public PartitionPlan mapPartitions() {
        List<String> tenants = tenant != null && !tenant.isBlank() ? List.of(tenant.strip())
                : catalog.all().stream().filter(t -> t.status() == TenantStatus.ACTIVE)
                        .map(t -> t.id().value().toString()).toList();
        progress.expect(job.getExecutionId(), tenants.size());
        return Partitions.of(tenants, "tenantId", 1, job.getExecutionId());
    }
}
