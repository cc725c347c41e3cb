package app.strongroom.staff;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantTeardown;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;

/**
 * Deletes a tenant: sign-in stops first, then its key is destroyed everywhere (crypto-shred), then its files,
 * backups, database and role, then its catalog row ({@link TenantTeardown}). A crash in between leaves the tenant
 * DELETING, and the start-up sweep finishes the job.
 */
@Stateless
@RolesAllowed(Role.Names.PLATFORM_OPERATOR)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantDeletionService {
    @EJB
    TenantCatalog catalog;
    @EJB
    TenantTeardown teardown;

    /**
     * Deletes the tenant only when {@code typedShortName} is its short name, typed by the operator as confirmation:
     * checked here, so a forged request cannot skip it.
     */
    public TenantDeletion delete(TenantId id, String typedShortName) {
        Optional<Tenant> tenant = catalog.find(id);
        if (tenant.isEmpty()) {
            return new TenantDeletion.Gone();
        }
        String slug = tenant.get().slug().value();
        if (typedShortName == null || !slug.equals(typedShortName.strip())) {
            return new TenantDeletion.NotConfirmed(slug);
        }
        catalog.beginDeletion(id);
        teardown.tearDown(id);
        return new TenantDeletion.Deleted(slug);
    }
}
