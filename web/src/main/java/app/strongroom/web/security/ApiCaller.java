package app.strongroom.web.security;

import app.strongroom.catalog.apitoken.StaffApiTokenId;
import jakarta.servlet.ServletRequest;
import java.util.Optional;

/**
 * The staff member and token a request to the API was authenticated by. Present only on requests a bearer token
 * authenticated, never on a page or a cookie's request: {@link SameOriginFilter} and the API's audit read it.
 */
public record ApiCaller(StaffApiTokenId token, String login) {
    private static final String ATTRIBUTE = ApiCaller.class.getName();

    static void attach(ServletRequest request, ApiCaller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    public static Optional<ApiCaller> of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ApiCaller caller ? Optional.of(caller) : Optional.empty();
    }
}
