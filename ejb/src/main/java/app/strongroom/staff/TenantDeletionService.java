package app.strongroom.staff;

import app.strongroom.catalog.TenantId;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantDatabases;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Deletes a tenant: sign-in stops first, then its database and role are dropped, then its catalog row goes.
 * A crash in between leaves the tenant DELETING, and the start-up sweep finishes the job.
 */
@Stateless
@RolesAllowed(Role.Names.PLATFORM_OPERATOR)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantDeletionService {
    @EJB
    TenantCatalog catalog;
    @EJB
    TenantDatabases databases;

    /** Returns false when there is no such tenant (already deleted). */
    public boolean delete(TenantId id) {
        if (catalog.find(id).isEmpty()) {
            return false;
        }
        catalog.beginDeletion(id);
        databases.destroy(id);
        catalog.remove(id);
        return true;
    }
}
