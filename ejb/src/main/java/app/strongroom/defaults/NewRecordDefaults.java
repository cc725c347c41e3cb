package app.strongroom.defaults;

import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.defaults.Defaults;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** The defaults a form of a new record opens with, computed for the caller; none for a caller who may not create. */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NewRecordDefaults {
    @Inject
    TenantData tenantData;

    public Defaults of(RecordModel model) {
        return tenantData.underRules((em, policy) -> policy.permits(model, Operation.CREATE)
                ? Defaults.of(em, model, policy.user()) : Defaults.none());
    }
}
