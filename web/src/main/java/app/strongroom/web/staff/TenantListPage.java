package app.strongroom.web.staff;

import app.strongroom.staff.TenantListService;
import app.strongroom.staff.TenantSummary;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The staff's list of tenants. */
@Named
@RequestScoped
public class TenantListPage {
    @EJB
    TenantListService tenants;

    private List<TenantSummary> rows;

    public List<TenantSummary> getRows() {
        if (rows == null) {
            rows = tenants.tenants();
        }
        return rows;
    }
}
