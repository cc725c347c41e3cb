package app.strongroom.web.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a person is sent to sign in, and where they may be sent back to afterwards. The way back travels in the
 * sign-in page's address, so it is attacker-controlled: only a path inside the application's own signed-in area is
 * ever followed (never another host, scheme or a path that climbs out), so a crafted link cannot make sign-in an
 * open redirect.
 */
public final class SignInTarget {
    static final String TENANT_AREA = "/app/";
    static final String STAFF_AREA = "/staff/";
    private static final int MAX_LENGTH = 2000;

    private SignInTarget() {
    }

    /**
     * The sign-in page for a request to a protected page without a signed-in session: staff pages lead to the staff
     * sign-in. A POST, or a session id the server no longer knows, means a session ended under the person's feet;
     * they are told so and brought back to the page they were on (for a POST, the page its form came from).
     */
    public static String signInPageFor(HttpServletRequest request) {
        boolean post = "POST".equalsIgnoreCase(request.getMethod());
        boolean staleSession = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        return signInPageFor(request, post || staleSession);
    }

    /** The sign-in page for a request whose session was just ended by the server. */
    public static String sessionEndedPageFor(HttpServletRequest request) {
        return signInPageFor(request, true);
    }

    private static String signInPageFor(HttpServletRequest request, boolean ended) {
        String context = request.getContextPath();
        String path = request.getRequestURI().substring(context.length());
        boolean post = "POST".equalsIgnoreCase(request.getMethod());
        String page = path.startsWith(STAFF_AREA) ? "/staff-login.xhtml" : "/login.xhtml";
        String back = post ? refererPath(request.getHeader("Referer"), context).orElse(path)
                : path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return context + page + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)
                + (ended ? "&ended=true" : "");
    }

    /** {@code next} if it names a page of the area a tenant user ({@code staff} false) or staff member may go to. */
    public static Optional<String> safeNext(String next, boolean staff) {
        if (next == null || next.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String area = staff ? STAFF_AREA : TENANT_AREA;
        boolean plain = next.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\');
        if (!plain || !next.startsWith(area) || next.contains("//") || next.contains("/..") || next.contains("/.")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? Optional.of(next) : Optional.empty();
        } catch (java.net.URISyntaxException notAPath) {
            return Optional.empty();
        }
    }

    private static Optional<String> refererPath(String referer, String context) {
        if (referer == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith(context)) {
                return Optional.empty();
            }
            String local = path.substring(context.length());
            return Optional.of(uri.getRawQuery() == null ? local : local + "?" + uri.getRawQuery());
        } catch (java.net.URISyntaxException malformed) {
            return Optional.empty();
        }
    }
}
