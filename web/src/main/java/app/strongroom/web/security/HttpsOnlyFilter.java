package app.strongroom.web.security;

import app.strongroom.platform.PlatformSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Plain HTTP gets nothing but a permanent redirect to the same URL over HTTPS; HTTPS answers carry HSTS so browsers
 * never try plain HTTP again (P13), and every answer but static resources is marked not to be stored.
 */
@WebFilter(filterName = "httpsOnly", urlPatterns = "/*")
public class HttpsOnlyFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** Style sheets, scripts and images: the same for everyone, so they may be cached. */
    private static final String RESOURCES = "/jakarta.faces.resource/";

    @Inject
    PlatformSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.isSecure()) {
            redirectToHttps(request, response, settings);
            return;
        }
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        if (!request.getRequestURI().startsWith(request.getContextPath() + RESOURCES)) {
            // Pages hold a person's data and forms: never kept by the browser or a proxy, so Back after sign-out
            // asks the server again instead of showing what the last person saw.
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** Answers with nothing but a permanent redirect to the same address over HTTPS: no page, no cookie. */
    static void redirectToHttps(HttpServletRequest request, HttpServletResponse response, PlatformSettings settings) {
        // The configured address, never the request's Host header: a cached 308 must not point anywhere a client chose.
        java.net.URI own = settings.publicUrl();
        StringBuilder target = new StringBuilder("https://").append(own.getHost());
        if (own.getPort() != -1 && own.getPort() != 443) {
            target.append(':').append(own.getPort());
        }
        target.append(request.getRequestURI());
        if (request.getQueryString() != null) {
            target.append('?').append(request.getQueryString());
        }
        response.setStatus(308);
        response.setHeader("Location", target.toString());
    }
}
