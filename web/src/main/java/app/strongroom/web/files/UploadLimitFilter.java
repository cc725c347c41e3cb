package app.strongroom.web.files;

import app.strongroom.identity.Role;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.web.security.ViewStateFilter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Guards every multipart request before the container parses it (parsing holds the file in memory, so that no
 * plaintext copy lands on disk). Only a signed-in tenant user may upload, only to the pages that take files, with a
 * declared length within the limit, and only a few at a time on this server. An upload over the limit is read and
 * dropped (up to a gigabyte), then its page is shown again with the reason; anything else is refused outright, and so
 * is an upload without a Faces view state (P17: {@link ViewStateFilter} leaves multipart bodies to this filter).
 */
@WebFilter(urlPatterns = "/*")
public class UploadLimitFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** Room for the form's other fields and the multipart boundaries around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    /** Beyond this an over-size upload is cut off with 413 rather than read through. */
    private static final long DRAIN_MAX = 1L << 30;
    /** Uploads held in memory at once on this server: bounds the heap they can take together. */
    private static final Semaphore IN_FLIGHT = new Semaphore(4);
    /** The pages with a files section: the only ones a multipart request may reach. */
    private static final Set<String> UPLOAD_PAGES = Set.of("/app/contact.xhtml", "/app/order.xhtml",
            "/app/invoice.xhtml");
    public static final String REFUSED = UploadLimitFilter.class.getName() + ".refused";

    @Inject
    PlatformSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        if (!request.isUserInRole(Role.Names.TENANT_USER)
                || !UPLOAD_PAGES.contains(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        long length = request.getContentLengthLong();
        if (length < 0) {
            response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
            return;
        }
        if (length > settings.maxFileBytes() + FORM_OVERHEAD) {
            refuseTooLarge(request, response, length);
            return;
        }
        try {
            if (!IN_FLIGHT.tryAcquire(30, TimeUnit.SECONDS)) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        try {
            // Checked here, once the size is known to be bearable, since reading the parameters parses the upload.
            if (request.getParameter(ViewStateFilter.VIEW_STATE) == null) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            chain.doFilter(request, response);
        } finally {
            IN_FLIGHT.release();
        }
    }

    private static void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, long length)
            throws IOException {
        if (length > DRAIN_MAX) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        request.getSession().setAttribute(REFUSED, Boolean.TRUE);
        // Read to the end, keeping nothing: a browser shows an answer only once its request was taken whole.
        request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        response.sendRedirect(backTo(request.getRequestURI(), request.getHeader("Referer")));
    }

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
}
