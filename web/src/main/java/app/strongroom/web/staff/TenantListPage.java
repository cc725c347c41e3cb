package app.strongroom.web.staff;

import app.strongroom.catalog.TenantId;
import app.strongroom.staff.TenantDeletionService;
import app.strongroom.staff.TenantListService;
import app.strongroom.staff.TenantSummary;
import app.strongroom.web.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The operators' list of tenants. */
@Named
@RequestScoped
public class TenantListPage {
    @EJB
    TenantListService tenants;
    @EJB
    TenantDeletionService deletion;

    private List<TenantSummary> rows;

    public List<TenantSummary> getRows() {
        if (rows == null) {
            rows = tenants.tenants();
        }
        return rows;
    }

    public void delete(String id, String slug) {
        if (deletion.delete(TenantId.parse(id))) {
            Messages.info("staff.tenantDeleted", slug);
        } else {
            Messages.error("staff.tenantGone", slug);
        }
        rows = null;
    }
}
