package app.strongroom.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The listeners' policy (P13), applied to Payara Micro as post-boot asadmin commands ({@code tls-policy.asadmin} beside
 * this class): forward-secret AEAD cipher suites only on the HTTPS listener; no {@code Server} or {@code X-Powered-By} header on either listener, so answers do not name the server software
 * and version to a scanner; and Payara's own MicroProfile {@code /metrics}, {@code /health} and {@code /openapi}
 * endpoints switched off, because they answer anyone with heap, thread and pool figures. The application serves
 * {@code /health} and {@code /metrics} itself, with its own access rule. Payara registers its metrics and OpenAPI
 * servlets into the application at the root context even when they are disabled (they then answer 403 naming
 * themselves), so they are also bound to a virtual server that does not exist, which keeps them out of it.
 * TLS 1.0 and 1.1 (and SSL 3) are refused by the JDK itself ({@code jdk.tls.disabledAlgorithms} since JDK 16), so only
 * TLS 1.2 and 1.3 remain; a test holds both facts. SameSite on the session cookie is the WAR's own setting
 * ({@code payara-web.xml}): the listener's {@code cookie-same-site} setting wrote it twice over HTTP/1.1. On Payara Server an operator runs the same commands against the
 * domain (listeners {@code http-listener-1} and {@code http-listener-2}).
 */
public final class TlsPolicy {
    private static final String RESOURCE = "tls-policy.asadmin";

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
