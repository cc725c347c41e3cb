package app.strongroom.account;

import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.user.UserAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Whether the caller's session still stands: the account exists, may sign in, and its session epoch is the one the
 * session signed in at. Asked on every request to the tenant application, so a deactivation or a password change
 * ends sessions on every server instance at once, without shared session state. A tenant that no longer accepts
 * sign-in (held in maintenance by a live restore, or being deleted) ends them too, before its database is asked.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionValidity {
    @Inject
    TenantData tenantData;
    @jakarta.ejb.EJB
    app.strongroom.tenancy.TenantCatalog tenants;

    public boolean isCurrent(long sessionEpoch) {
        if (tenants.find(tenantData.caller().tenant()).filter(app.strongroom.catalog.Tenant::acceptsSignIn).isEmpty()) {
            return false;
        }
        String login = tenantData.caller().login();
        return tenantData.inTransaction(em -> UserAccount.byLogin(em, login)
                .filter(u -> u.maySignIn() && u.sessionEpoch() == sessionEpoch).isPresent());
    }
}
