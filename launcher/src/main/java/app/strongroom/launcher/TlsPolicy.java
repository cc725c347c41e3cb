package app.strongroom.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The listeners' policy (P13): forward-secret AEAD cipher suites only on the HTTPS listener, and no {@code Server} or
 * {@code X-Powered-By} header on either listener, so answers do not name the server software to a scanner. TLS 1.0
 * and 1.1 (and SSL 3) are refused by the JDK itself ({@code jdk.tls.disabledAlgorithms} since JDK 16), so only TLS 1.2
 * and 1.3 remain; a test holds both facts. Applied to Payara Micro as pre-boot asadmin commands
 * ({@code listener-policy.asadmin} beside this class): set after boot they restart the listeners, and a listener
 * restarted while the application deployed was seen not to come back. SameSite on the session cookie is the WAR's own
 * setting ({@code payara-web.xml}): the listener's {@code cookie-same-site} setting wrote it twice over HTTP/1.1. Payara's
 * own monitoring endpoints are switched off after boot ({@link PostBootCommands}). On Payara Server an operator runs the
 * same {@code set} commands against the domain (listeners {@code http-listener-1} and {@code http-listener-2}).
 */
public final class TlsPolicy {
    private static final String RESOURCE = "listener-policy.asadmin";

    private TlsPolicy() {
    }

    /** Writes the post-boot command file for {@code --postbootcommandfile}; returns its path. */
    public static Path writeCommandFile(Path file) {
        try (InputStream commands = TlsPolicy.class.getResourceAsStream(RESOURCE)) {
            if (commands == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the launcher");
            }
            Files.createDirectories(file.getParent());
            Files.copy(commands, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
