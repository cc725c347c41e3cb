package app.strongroom.web.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a request's stated origin is the application's own: the configured public address, or HTTPS on the host the
 * request was sent to (a browser cannot make a cross-site request carry a Host other than the real target).
 */
final class SameOrigin {
    private SameOrigin() {
    }

    static boolean allows(String origin, String referer, URI publicUrl, String host) {
        String stated = origin != null ? origin : referer;
        if (stated == null) {
            return true;
        }
        Optional<String> claimed = originOf(stated);
        if (claimed.isEmpty()) {
            return false;
        }
        return claimed.equals(originOf(publicUrl.toString()))
                || host != null && claimed.get().equals("https://" + host.toLowerCase(Locale.ROOT));
    }

    /** {@code https://host[:port]} of an address, with the default port left out; empty for anything else. */
    static Optional<String> originOf(String address) {
        try {
            URI uri = new URI(address.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            boolean defaultPort = uri.getPort() == -1 || "https".equals(scheme) && uri.getPort() == 443
                    || "http".equals(scheme) && uri.getPort() == 80;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (defaultPort ? "" : ":" + uri.getPort()));
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }
}
