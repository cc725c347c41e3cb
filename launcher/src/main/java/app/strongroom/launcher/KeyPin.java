package app.strongroom.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Optional;

/**
 * The SHA-256 pin of the listener's public key ({@code sha256/BASE64}), which the run command prints so that
 * strongroom-cli can trust the self-signed certificate by {@code --pin-sha256} and nothing else.
 */
final class KeyPin {
    private KeyPin() {
    }

    /** The pin of the certificate under {@code alias}; empty when the key store cannot say (it is reported elsewhere). */
    static Optional<String> of(Path keyStore, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Certificate certificate = store.getCertificate(alias);
            if (certificate == null) {
                return Optional.empty();
            }
            return Optional.of("sha256/" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getPublicKey().getEncoded())));
        } catch (IOException | GeneralSecurityException unreadable) {
            return Optional.empty();
        }
    }
}
