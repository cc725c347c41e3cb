package app.strongroom.staff;

import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;

/** Lists every tenant for the platform staff. */
@Stateless
@RolesAllowed({Role.Names.PLATFORM_OPERATOR, Role.Names.PLATFORM_HELPDESK})
public class TenantListService {
    @EJB
    TenantCatalog catalog;

    public List<TenantSummary> tenants() {
        return catalog.all().stream().map(TenantSummary::of).toList();
    }
}
