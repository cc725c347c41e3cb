package app.strongroom.web.security;

import app.strongroom.platform.PlatformSettings;
import app.strongroom.web.api.Problem;
import app.strongroom.web.api.ProblemAnswers;
import app.strongroom.web.api.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Refuses a state-changing request that a browser says came from another site: its {@code Origin} (or, where a
 * browser sends none, its {@code Referer}) must be the application's own address. A request with neither is let
 * through to the Faces view-state check, since only non-browser clients omit both. Defence in depth for P17.
 * <p>
 * A request a bearer token or key authenticated ({@link ApiCaller}, {@link KeyCaller}) is let through whatever its
 * origin: the API accepts no cookie, so a foreign page can only call it with a token it already holds, and then there
 * is no forgery to stop.
 * Cookie-carrying requests to the API never get this far (the mechanism refuses them with 401).
 */
@WebFilter(filterName = "sameOrigin", urlPatterns = "/*")
public class SameOriginFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    PlatformSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(java.util.Locale.ROOT))
                || ApiCaller.of(request).isPresent() || KeyCaller.of(request).isPresent()
                || SameOrigin.allows(request.getHeader("Origin"), request.getHeader("Referer"),
                        settings.publicUrl(), request.getHeader("Host"))) {
            chain.doFilter(request, response);
            return;
        }
        if (ApiPaths.isApi(request)) {
            ProblemAnswers.write(response, Problem.of(ProblemType.FORBIDDEN,
                    "A request from another site's page is refused."));
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
