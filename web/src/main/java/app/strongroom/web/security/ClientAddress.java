package app.strongroom.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The address a request really came from, for throttling. X-Forwarded-For is believed only when the connection comes
 * from a configured reverse proxy, and then only the hops that proxies appended: the right-most address that is not
 * itself a trusted proxy. Anything a client wrote into the header itself stays to the left and is ignored.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, Set<String> trustedProxies) {
        return resolve(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"), trustedProxies);
    }

    static String resolve(String peer, java.util.Enumeration<String> forwardedHeaders, Set<String> trustedProxies) {
        if (!trustedProxies.contains(peer) || forwardedHeaders == null) {
            return peer;
        }
        java.util.List<String> hops = new java.util.ArrayList<>();
        while (forwardedHeaders.hasMoreElements()) {
            for (String hop : forwardedHeaders.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i).length() > 64 ? peer : hops.get(i);
            }
        }
        return peer;
    }
}
