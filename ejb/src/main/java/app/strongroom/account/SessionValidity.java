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
 * ends sessions on every server instance at once, without shared session state.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionValidity {
    @Inject
    TenantData tenantData;

    public boolean isCurrent(long sessionEpoch) {
        String login = tenantData.caller().login();
        return tenantData.inTransaction(em -> UserAccount.byLogin(em, login)
                .filter(u -> u.maySignIn() && u.sessionEpoch() == sessionEpoch).isPresent());
    }
}
