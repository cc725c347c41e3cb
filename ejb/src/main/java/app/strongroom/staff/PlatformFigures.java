package app.strongroom.staff;

import app.strongroom.identity.PasswordHasher;
import app.strongroom.identity.SignInStatistics;
import app.strongroom.tenancy.TenantUnits;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads this instance's figures. It checks no role itself: {@link PlatformStatusService} guards it for the staff
 * console, and the web tier's {@code /metrics} for the monitoring system, which scrapes without signing in.
 */
@ApplicationScoped
public class PlatformFigures {
    @EJB
    TenantUnits units;
    @Inject
    SignInStatistics signIns;

    public PlatformStatus current() {
        return new PlatformStatus(PasswordHasher.derivations(), units.openUnits(), signIns.lockedRefusals(),
                signIns.lockedRefusalNanos());
    }
}
