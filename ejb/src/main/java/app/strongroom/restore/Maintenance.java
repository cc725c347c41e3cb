package app.strongroom.restore;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantSlug;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/**
 * Whether a tenant is held in maintenance by a live restore, so the sign-in page can say so instead of "wrong
 * password". Company short names are public (sign-up tells whether one is taken), so this tells nobody anything new.
 */
@Stateless
@PermitAll
public class Maintenance {
    @EJB
    TenantCatalog tenants;

    public boolean holds(String companyName) {
        return TenantSlug.parse(companyName).flatMap(tenants::findBySlug).filter(Tenant::isInMaintenance).isPresent();
    }
}
