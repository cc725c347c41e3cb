package app.strongroom.staff;

import app.strongroom.identity.PasswordHasher;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantUnits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** Live figures of this server instance for the staff console. */
@Stateless
@RolesAllowed({Role.Names.PLATFORM_OPERATOR, Role.Names.PLATFORM_HELPDESK})
public class PlatformStatusService {
    @EJB
    TenantUnits units;

    public PlatformStatus status() {
        return new PlatformStatus(PasswordHasher.derivations(), units.openUnits());
    }
}
