package app.strongroom.batch.drill;

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

/** Drills the partition's tenant. A failed drill is recorded and alarmed; it does not stop the other tenants' drills. */
@Named
@Dependent
public class DrillTenant extends AbstractBatchlet {
    @Inject
    @BatchProperty
    String tenantId;
    @Inject
    @BatchProperty
    String site;
    @EJB
    DrillService drills;

    @Override
    public String process() {
        if (tenantId == null || tenantId.isBlank()) {
            return "NO_TENANT";
        }
        DrillOutcome outcome = drills.drill(TenantId.parse(tenantId), Optional.ofNullable(site).filter(s -> !s.isBlank()),
                Clock.systemUTC());
        if (outcome instanceof DrillOutcome.Passed passed) {
            return "PASSED from " + passed.site();
        }
        return outcome instanceof DrillOutcome.Failed failed ? "FAILED " + failed.reason() : "NOTHING_TO_DRILL";
    }
}
