package app.strongroom.web.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests the JSON APIs answer: those the container maps to the JAX-RS servlet at {@code /api}. Decided from
 * the mapping the container made, not from the raw address, so no spelling of a path ({@code /api/../app/...},
 * {@code /app/..;/api/...}, escapes) makes a page look like the API or the API like a page: a bearer token never
 * authenticates a page, and a session never reaches the API.
 */
public final class ApiPaths {
    static final String API = "/api";
    private static final String STAFF = "/staff";
    private static final String TENANT = "/v1";

    private ApiPaths() {
    }

    public static boolean isApi(HttpServletRequest request) {
        return API.equals(request.getServletPath());
    }

    /** The staff API: every request there needs a staff API token. */
    static boolean isStaffApi(HttpServletRequest request) {
        return within(request, STAFF);
    }

    /** The tenant API: every request there needs a tenant user's API key. */
    static boolean isTenantApi(HttpServletRequest request) {
        return within(request, TENANT);
    }

    private static boolean within(HttpServletRequest request, String part) {
        String within = request.getPathInfo();
        return isApi(request) && within != null && (within.equals(part) || within.startsWith(part + "/"));
    }
}
