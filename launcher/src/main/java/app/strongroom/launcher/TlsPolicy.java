package app.strongroom.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The HTTPS listener's policy (P13): forward-secret AEAD cipher suites only, and SameSite=Lax on the session cookie.
 * TLS 1.0 and 1.1 (and SSL 3) are refused by the JDK itself ({@code jdk.tls.disabledAlgorithms} since JDK 16), so only
 * TLS 1.2 and 1.3 remain; a test holds both facts. Applied to Payara Micro as post-boot asadmin commands
 * ({@code tls-policy.asadmin} beside this class); on Payara Server an operator runs the same {@code set} commands
 * against the domain's HTTPS listener ({@code http-listener-2}).
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
