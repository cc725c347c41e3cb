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
 * never try plain HTTP again (P13).
 */
@WebFilter(filterName = "httpsOnly", urlPatterns = "/*")
public class HttpsOnlyFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    PlatformSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.isSecure()) {
            StringBuilder target = new StringBuilder("https://").append(request.getServerName());
            if (settings.httpsPort() != 443) {
                target.append(':').append(settings.httpsPort());
            }
            target.append(request.getRequestURI());
            if (request.getQueryString() != null) {
                target.append('?').append(request.getQueryString());
            }
            response.setStatus(308);
            response.setHeader("Location", target.toString());
            return;
        }
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}
