package app.strongroom.cli;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A server's public key pinned by the SHA-256 of its SubjectPublicKeyInfo, in base64 (the form of HPKP and of curl's
 * {@code --pinnedpubkey sha256//...}). Pinning the key rather than the certificate survives a renewed certificate
 * that keeps its key.
 */
public record Pin(byte[] sha256) {
    private static final String PREFIX = "sha256/";
    private static final int BASE64_LENGTH = 44;

    public Pin {
        sha256 = sha256.clone();
    }

    /** {@code BASE64} or {@code sha256/BASE64}; anything that is not 32 bytes of base64 is refused. */
    public static Pin parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            value = value.substring(PREFIX.length());
            // curl writes sha256//BASE64, but a digest's own base64 may begin with '/' (one key in 64): the slash is
            // curl's only where the text is otherwise one character longer than a digest's base64.
            if (value.length() == BASE64_LENGTH + 1 && value.startsWith("/")) {
                value = value.substring(1);
            }
        }
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("a pin is the base64 SHA-256 of the server's public key; \"" + text
                    + "\" is not base64");
        }
        if (digest.length != 32) {
            throw new IllegalArgumentException("a pin is the base64 SHA-256 of the server's public key (32 bytes); \""
                    + text + "\" has " + digest.length);
        }
        return new Pin(digest);
    }

    public static Pin of(X509Certificate certificate) {
        try {
            return new Pin(MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(sha256, of(certificate).sha256);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pin pin && MessageDigest.isEqual(sha256, pin.sha256);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return PREFIX + Base64.getEncoder().encodeToString(sha256);
    }
}
