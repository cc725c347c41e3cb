package app.strongroom.web.monitoring;

import app.strongroom.identity.Role;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.web.security.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;

/** Who may read the platform's figures and the backups' health: signed-in staff and the monitoring addresses. */
final class MonitoringAccess {
    private MonitoringAccess() {
    }

    static boolean allowed(HttpServletRequest request, PlatformSettings settings) {
        if (request.isUserInRole(Role.Names.PLATFORM_OPERATOR) || request.isUserInRole(Role.Names.PLATFORM_HELPDESK)) {
            return true;
        }
        return settings.monitoringAddresses().contains(ClientAddress.of(request, settings.trustedProxies()));
    }
}
