package app.strongroom.access;

import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * What the caller may do on a model, so pages offer only what will work. Pages are not what protects the records:
 * every service asks the same rights again.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MyAccess {
    @Inject
    TenantData tenantData;

    public Set<Operation> granted(RecordModel model) {
        return tenantData.underRules((em, policy) -> policy.granted(model));
    }
}
