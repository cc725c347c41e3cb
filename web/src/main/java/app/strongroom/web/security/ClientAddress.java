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
        return canonical(resolve(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"), trustedProxies));
    }

    /**
     * An IPv6 address in its one canonical text form (RFC 5952: lower case, the longest run of zero groups as
     * {@code ::}), so {@code 0:0:0:0:0:0:0:1} is shown, counted and audited as {@code ::1}. Anything else is kept.
     */
    static String canonical(String address) {
        if (address.indexOf(':') < 0 || !address.matches("[0-9A-Fa-f:.]+(%[\\w.]+)?")) {
            return address;
        }
        try {
            java.net.InetAddress parsed = java.net.InetAddress.getByName(address);
            if (!(parsed instanceof java.net.Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] bytes = parsed.getAddress();
            int[] groups = new int[8];
            for (int i = 0; i < 8; i++) {
                groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
            }
            int bestStart = -1;
            int bestLength = 1;
            for (int i = 0; i < 8; i++) {
                int length = 0;
                while (i + length < 8 && groups[i + length] == 0) {
                    length++;
                }
                if (length > bestLength) {
                    bestStart = i;
                    bestLength = length;
                }
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    text.append("::");
                    i += bestLength - 1;
                    continue;
                }
                if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
            return text.toString();
        } catch (java.net.UnknownHostException notAnAddress) {
            return address;
        }
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
