package app.strongroom.staff;

import app.strongroom.identity.PasswordHasher;
import app.strongroom.identity.Role;
import app.strongroom.identity.SignInStatistics;
import app.strongroom.tenancy.TenantUnits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Live figures of this server instance for the staff console. */
@Stateless
@RolesAllowed({Role.Names.PLATFORM_OPERATOR, Role.Names.PLATFORM_HELPDESK})
public class PlatformStatusService {
    @EJB
    TenantUnits units;
    @Inject
    SignInStatistics signIns;

    public PlatformStatus status() {
        return new PlatformStatus(PasswordHasher.derivations(), units.openUnits(), signIns.lockedRefusals(),
                signIns.lockedRefusalNanos());
    }
}
