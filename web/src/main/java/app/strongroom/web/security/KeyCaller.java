package app.strongroom.web.security;

import app.strongroom.apikey.KeyCheck;
import jakarta.servlet.ServletRequest;
import java.util.Optional;

/**
 * The tenant user and API key a request to the tenant API was authenticated by. Present only on requests a key
 * authenticated, never on a page's: the API's audit and {@link SameOriginFilter}'s exemption of bearer requests
 * read it.
 */
public record KeyCaller(KeyCheck.Accepted key) {
    private static final String ATTRIBUTE = KeyCaller.class.getName();

    static void attach(ServletRequest request, KeyCaller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    public static Optional<KeyCaller> of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof KeyCaller caller ? Optional.of(caller) : Optional.empty();
    }
}
