package app.strongroom.web.security;

import app.strongroom.identity.Caller;
import app.strongroom.security.AccessRefusals;
import jakarta.ejb.EJB;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sees the 403 the container gives a signed-in tenant user for an administrators' page, on its way to the error page,
 * and has it put in the tenant's audit trail. The refusal itself stays the container's.
 */
@WebFilter(urlPatterns = "/error.xhtml", dispatcherTypes = DispatcherType.ERROR)
public class RefusalAuditFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(RefusalAuditFilter.class.getName());

    @EJB
    AccessRefusals refusals;
    @jakarta.inject.Inject
    app.strongroom.platform.PlatformSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (Integer.valueOf(403).equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))
                && Caller.of(request.getUserPrincipal()) instanceof Caller.TenantUser
                && withinBudget(request.getSession(false))) {
            try {
                refusals.refused(String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)),
                        ClientAddress.of(request, settings.trustedProxies()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a refused request could not be audited", e);
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * At most {@link #PER_MINUTE} refusals a minute are written per session: one user requesting refused pages in a
     * loop is in the trail, without filling it.
     */
    private static boolean withinBudget(HttpSession session) {
        if (session == null) {
            return false;
        }
        long minute = System.currentTimeMillis() / 60_000;
        synchronized (RefusalAuditFilter.class) {
            long[] budget = session.getAttribute(BUDGET) instanceof long[] held ? held : new long[] {minute, 0};
            if (budget[0] != minute) {
                budget = new long[] {minute, 0};
            }
            budget[1]++;
            session.setAttribute(BUDGET, budget);
            return budget[1] <= PER_MINUTE;
        }
    }

    private static final String BUDGET = RefusalAuditFilter.class.getName() + ".budget";
    private static final int PER_MINUTE = 10;
}
