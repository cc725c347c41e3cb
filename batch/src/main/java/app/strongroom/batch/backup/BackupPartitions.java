package app.strongroom.batch.backup;

import app.strongroom.catalog.TenantStatus;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;

/** One partition per tenant to back up (every active tenant, or the one asked for), a few at a time. */
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

    @Override
    public PartitionPlan mapPartitions() {
        List<String> tenants = tenant != null && !tenant.isBlank() ? List.of(tenant.strip())
                : catalog.all().stream().filter(t -> t.status() == TenantStatus.ACTIVE)
                        .map(t -> t.id().value().toString()).toList();
        // A plan needs one partition at least; an empty tenant id backs up nothing.
        List<String> work = tenants.isEmpty() ? List.of("") : tenants;
        Properties[] properties = work.stream().map(id -> {
            Properties p = new Properties();
            p.setProperty("tenantId", id);
            return p;
        }).toArray(Properties[]::new);
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(work.size());
        plan.setThreads(Math.max(1, Math.min(work.size(), settings.backupParallelism())));
        plan.setPartitionProperties(properties);
        return plan;
    }
}
