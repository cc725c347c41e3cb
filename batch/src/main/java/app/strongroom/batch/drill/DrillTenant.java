package app.strongroom.batch.drill;

import app.strongroom.batch.Partitions;
import app.strongroom.batch.progress.Progress;
import app.strongroom.catalog.TenantId;
import app.strongroom.drill.DrillOutcome;
import app.strongroom.drill.DrillService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Optional;

/**
 * Drills the partition's tenant. A failed drill is recorded and alarmed, and named with its reason on the console's
 * execution; it does not stop the other tenants' drills, nor fail the execution: finding a bad copy is the drill's job.
 */
@Named
@Dependent
public class DrillTenant extends AbstractBatchlet {
    @Inject
    @BatchProperty
    String tenantId;
    @Inject
    @BatchProperty
    String site;
    @Inject
    @BatchProperty
    String execution;
    @EJB
    DrillService drills;
    @Inject
    Progress progress;

    @Override
    public String process() {
        if (tenantId == null || tenantId.isBlank()) {
            return "NO_TENANT";
        }
        long executionId = Partitions.execution(execution);
        TenantId tenant = TenantId.parse(tenantId);
        DrillOutcome outcome = drills.drill(tenant, Optional.ofNullable(site).filter(s -> !s.isBlank()),
                Clock.systemUTC());
        if (outcome instanceof DrillOutcome.Failed failed) {
            progress.tenantFailed(executionId, tenant, "drill failed: " + failed.reason());
        } else {
            progress.advance(executionId, 1, 0);
        }
        if (outcome instanceof DrillOutcome.Passed passed) {
            return "PASSED from " + passed.site();
        }
        return outcome instanceof DrillOutcome.Failed failed ? "FAILED " + failed.reason() : "NOTHING_TO_DRILL";
    }
}
