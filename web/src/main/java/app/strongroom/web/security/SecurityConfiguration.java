package app.strongroom.web.security;

import app.strongroom.identity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/** Form sign-in through our own Faces page, which hands a typed credential to {@link StrongroomIdentityStore}. */
@ApplicationScoped
@FacesConfig
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Role.Names.TENANT_USER, Role.Names.TENANT_ADMIN, Role.Names.PLATFORM_OPERATOR,
        Role.Names.PLATFORM_HELPDESK})
public class SecurityConfiguration {
}
