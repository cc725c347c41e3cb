package app.strongroom.batch.backup;

import app.strongroom.backup.RetentionReport;
import app.strongroom.backup.RetentionService;
import app.strongroom.batch.progress.Progress;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.TenantStatus;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;

/**
 * Applies retention to every active tenant or the one asked for; a dry run only reports. With {@code reportProgress}
 * (the retention job's own step, not the backup job's) each tenant counts on the console.
 */
@Named
@Dependent
public class ApplyRetention extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(ApplyRetention.class.getName());

    @Inject
    @BatchProperty
    String tenant;
    @Inject
    @BatchProperty
    String dryRun;
    @EJB
    RetentionService retention;
    @EJB
    TenantCatalog catalog;
    @Inject
    @BatchProperty
    String reportProgress;
    @Inject
    JobContext job;
    @Inject
    Progress progress;

    @Override
    public String process() {
        boolean dry = Boolean.parseBoolean(dryRun);
        List<TenantId> tenants = tenant != null && !tenant.isBlank() ? List.of(TenantId.parse(tenant.strip()))
                : catalog.all().stream().filter(t -> t.status() == TenantStatus.ACTIVE).map(t -> t.id()).toList();
        int deleted = 0;
        int skipped = 0;
        long execution = Boolean.parseBoolean(reportProgress) ? job.getExecutionId() : 0;
        progress.expect(execution, tenants.size());
        for (TenantId id : tenants) {
            RetentionReport report = retention.apply(id, dry);
            progress.advance(execution, 1, 0);
            if (report.ran()) {
                deleted += report.deleted().size();
                LOG.info("retention " + (dry ? "(dry run) " : "") + "of tenant " + id + ": kept " + report.kept()
                        + ", " + (dry ? "would delete " : "deleted ") + report.deleted());
            } else {
                skipped++;
                LOG.info("retention of tenant " + id + " did not run: " + report.skipped());
            }
        }
        return (dry ? "DRY_RUN" : "APPLIED") + " tenants=" + tenants.size() + " deleted=" + deleted + " skipped=" + skipped;
    }
}
