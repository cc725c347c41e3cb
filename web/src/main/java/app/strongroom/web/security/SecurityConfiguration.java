package app.strongroom.web.security;

import app.strongroom.identity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** The roles Strongroom knows; the mechanism is {@link StrongroomAuthenticationMechanism}. */
@ApplicationScoped
@FacesConfig
@DeclareRoles({Role.Names.TENANT_USER, Role.Names.TENANT_ADMIN, Role.Names.PLATFORM_OPERATOR,
        Role.Names.PLATFORM_HELPDESK})
public class SecurityConfiguration {
}
