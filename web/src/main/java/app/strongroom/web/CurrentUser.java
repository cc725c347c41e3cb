package app.strongroom.web;

import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;

/** What the template shows of the signed-in caller: who, of which company, where their pages start, their clock. */
@Named
@RequestScoped
public class CurrentUser {
    @Inject
    SecurityContext security;
    @Inject
    HttpServletRequest request;
    @EJB
    TenantCatalog catalog;

    private String companyName;

    public boolean isSignedIn() {
        return !(caller() instanceof Caller.Anonymous);
    }

    /** "Signed in as anna (Acme Ltd)": the company is named so nobody is unsure whose data they see. */
    public String getSignedInAs() {
        Caller caller = caller();
        if (caller instanceof Caller.TenantUser user) {
            return Messages.text("nav.signedInAsUser", user.login(), getCompanyName());
        }
        return caller instanceof Caller.Staff staff ? Messages.text("nav.signedInAsStaff", staff.login()) : "";
    }

    public String getCompanyName() {
        if (companyName == null) {
            companyName = caller().asTenantUser().flatMap(user -> catalog.find(user.tenant()))
                    .map(tenant -> tenant.companyName()).orElse("");
        }
        return companyName;
    }

    /** The first page of the signed-in caller's own area. */
    public String getHomeOutcome() {
        return isStaff() ? "/staff/tenants" : "/app/contacts";
    }

    public ZoneId getTimeZone() {
        return ViewerTimeZone.of(request.getSession(false));
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

    public boolean isHelpdesk() {
        return security.isCallerInRole(Role.Names.PLATFORM_HELPDESK);
    }

    public boolean isOperator() {
        return security.isCallerInRole(Role.Names.PLATFORM_OPERATOR);
    }

    /** The login of a signed-in tenant user; empty for anyone else. */
    public String getTenantLogin() {
        return caller().asTenantUser().map(Caller.TenantUser::login).orElse("");
    }

    private Caller caller() {
        return Caller.of(security.getCallerPrincipal());
    }
}
