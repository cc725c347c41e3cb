package app.strongroom.web;

import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/** What the template shows of the signed-in caller. */
@Named
@RequestScoped
public class CurrentUser {
    @Inject
    SecurityContext security;

    public boolean isSignedIn() {
        return !(caller() instanceof Caller.Anonymous);
    }

    public String getDisplayName() {
        Caller caller = caller();
        if (caller instanceof Caller.TenantUser user) {
            return user.login();
        }
        return caller instanceof Caller.Staff staff ? staff.login() : "";
    }

    public boolean isTenantUser() {
        return security.isCallerInRole(Role.Names.TENANT_USER);
    }

    public boolean isTenantAdmin() {
        return security.isCallerInRole(Role.Names.TENANT_ADMIN);
    }

    public boolean isStaff() {
        return security.isCallerInRole(Role.Names.PLATFORM_OPERATOR) || security.isCallerInRole(Role.Names.PLATFORM_HELPDESK);
    }

    public boolean isOperator() {
        return security.isCallerInRole(Role.Names.PLATFORM_OPERATOR);
    }

    private Caller caller() {
        return Caller.of(security.getCallerPrincipal());
    }
}
