package app.strongroom.security;

import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * A signed-in user of the tenant was refused a page of the administrators (the container refused it before any of
 * our code ran): kept in the tenant's audit trail, where the administrators see who tried what.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccessRefusals {
    @Inject
    TenantData tenantData;

    public void refused(String path, String clientAddress) {
        String login = tenantData.caller().login();
        tenantData.inTransaction(em -> {
            em.persist(new SecurityEvent(SecurityEventKind.ACCESS_REFUSED, login,
                    app.strongroom.common.Reasons.fit(clientAddress, "", 64), login,
                    app.strongroom.common.Reasons.fit("refused " + path, "", 500)));
            return null;
        });
    }
}
