package app.strongroom.staff;

import app.strongroom.catalog.Plan;
import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantStatus;
import java.time.OffsetDateTime;

/** One line of the operators' tenant list. */
public record TenantSummary(String id, String slug, String companyName, Plan plan, TenantStatus status, String server,
                            int schemaVersion, OffsetDateTime createdAt) {
    static TenantSummary of(Tenant t) {
        return new TenantSummary(t.id().toString(), t.slug().value(), t.companyName(), t.plan(), t.status(),
                t.server().name(), t.schemaVersion(), t.createdAt());
    }
}
