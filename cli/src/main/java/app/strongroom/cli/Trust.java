package app.strongroom.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom the tool believes to be the server: the JDK's certificate authorities (a server with a real certificate), the
 * certificates of a given trust store, or exactly the pinned key. Never anyone at all.
 */
final class Trust {
    private Trust() {
    }

    static SSLContext context(Optional<Pin> pin, Optional<Path> trustStore, Optional<char[]> password) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            if (pin.isPresent()) {
                tls.init(null, new TrustManager[] {new PinnedTrustManager(pin.get())}, null);
            } else if (trustStore.isPresent()) {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(load(trustStore.get(), password.orElse(null)));
                tls.init(null, factory.getTrustManagers(), null);
            } else {
                tls.init(null, null, null);
            }
            return tls;
        } catch (GeneralSecurityException e) {
            throw new CliException(ExitCodes.USAGE, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** A trust store of any type the JDK recognises by its content (PKCS#12, JKS). */
    private static KeyStore load(Path file, char[] password) {
        try {
            return KeyStore.getInstance(file.toFile(), password);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read the trust store " + file + ": " + e.getMessage(), e);
        }
    }
}
