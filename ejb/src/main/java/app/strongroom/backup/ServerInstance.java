package app.strongroom.backup;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This server process, named afresh at every start, so work it claimed before a crash reads as nobody's. */
@ApplicationScoped
public class ServerInstance {
    private final String name = host() + "/" + UUID.randomUUID();

    public String name() {
        return name;
    }

    private static String host() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() > 50 ? host.substring(0, 50) : host;
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
