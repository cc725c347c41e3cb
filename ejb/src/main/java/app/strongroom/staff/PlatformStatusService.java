package app.strongroom.staff;

import app.strongroom.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Live figures of this server instance for the staff console. */
@Stateless
@RolesAllowed({Role.Names.PLATFORM_OPERATOR, Role.Names.PLATFORM_HELPDESK})
public class PlatformStatusService {
    @Inject
    PlatformFigures figures;

    public PlatformStatus status() {
        return figures.current();
    }
}
