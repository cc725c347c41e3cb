package app.strongroom.staff;

import app.strongroom.catalog.TenantId;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Optional;

/** Lists every tenant for the platform staff. */
@Stateless
@RolesAllowed({Role.Names.PLATFORM_OPERATOR, Role.Names.PLATFORM_HELPDESK})
public class TenantListService {
    @EJB
    TenantCatalog catalog;

    /** Newest first: the tenant an operator just heard about is at the top. */
    public List<TenantSummary> tenants() {
        return catalog.all().stream().map(TenantSummary::of)
                .sorted(java.util.Comparator.comparing(TenantSummary::createdAt).reversed()).toList();
    }

    /** One tenant by the id in a page's address; anything that is no tenant id is simply not found. */
    public Optional<TenantSummary> tenant(String id) {
        try {
            return catalog.find(TenantId.parse(id)).map(TenantSummary::of);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
