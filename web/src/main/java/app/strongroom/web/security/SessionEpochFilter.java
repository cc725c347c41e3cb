package app.strongroom.web.security;

import app.strongroom.account.SessionValidity;
import app.strongroom.identity.Caller;
import app.strongroom.web.signin.SignInTarget;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * Ends a tenant user's session once it is no longer current: the user changed their password elsewhere, chose a new
 * one through a link, or was deactivated. Checked against the tenant database on every request to the application and
 * to its downloads, so it holds on every server instance at once.
 */
@WebFilter(urlPatterns = {"/app/*", "/downloads/*"})
public class SessionEpochFilter extends HttpFilter {
    @EJB
    SessionValidity validity;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (Caller.of(request.getUserPrincipal()) instanceof Caller.TenantUser) {
            HttpSession session = request.getSession(false);
            Optional<Long> epoch = SessionEpoch.of(session);
            if (epoch.isEmpty() || !validity.isCurrent(epoch.get())) {
                request.logout();
                if (session != null) {
                    session.invalidate();
                }
                String target = SignInTarget.sessionEndedPageFor(request);
                if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                    response.setContentType("text/xml;charset=UTF-8");
                    response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                            + "<redirect url=\"" + target + "\"/></partial-response>");
                } else {
                    response.sendRedirect(target);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
