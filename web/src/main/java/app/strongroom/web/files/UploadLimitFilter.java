package app.strongroom.web.files;

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
 * An upload far over the size limit is turned away before the container reads it, with the page it came from shown
 * again and the reason on it, rather than a failed request: nothing of it is read or kept.
 */
@WebFilter(urlPatterns = "/app/*")
public class UploadLimitFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** Room for the form's other fields and the multipart boundaries around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    public static final String REFUSED = UploadLimitFilter.class.getName() + ".refused";

    @Inject
    PlatformSettings settings;

    /** The page the form was on: the Referer's path and query when it is this very page, else the page without query. */
    static String backTo(String requestUri, String referer) {
        if (referer != null) {
            try {
                java.net.URI from = new java.net.URI(referer);
                if (requestUri.equals(from.getRawPath())) {
                    return requestUri + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
                }
            } catch (java.net.URISyntaxException malformed) {
                return requestUri;
            }
        }
        return requestUri;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if ("POST".equals(request.getMethod()) && type != null && type.startsWith("multipart/form-data")
                && request.getContentLengthLong() > settings.maxFileBytes() + FORM_OVERHEAD) {
            request.getSession().setAttribute(REFUSED, Boolean.TRUE);
            response.sendRedirect(backTo(request.getRequestURI(), request.getHeader("Referer")));
            return;
        }
        chain.doFilter(request, response);
    }
}
