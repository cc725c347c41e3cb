package app.strongroom.identity;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored PBKDF2-HMAC-SHA512 hash with its parameters, in passlib's format
 * {@code $pbkdf2-sha512$<iterations>$<salt>$<checksum>} (salt and checksum in passlib's "adapted base64":
 * standard base64 with '.' for '+' and no padding).
 */
public record PasswordHash(int iterations, byte[] salt, byte[] checksum) {
    static final String PREFIX = "$pbkdf2-sha512$";
    public static final int MIN_SALT_BYTES = 16;
    static final int CHECKSUM_BYTES = 64;

    public PasswordHash {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(checksum, "checksum");
        if (checksum.length != CHECKSUM_BYTES) {
            throw new IllegalArgumentException("a PBKDF2-SHA512 checksum has 64 bytes");
        }
        salt = salt.clone();
        checksum = checksum.clone();
    }

    /** Reads a stored hash; empty when the text is not a PBKDF2-SHA512 hash in passlib's format. */
    public static Optional<PasswordHash> parse(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            int iterations = Integer.parseInt(parts[0]);
            return Optional.of(new PasswordHash(iterations, ab64Decode(parts[1]), ab64Decode(parts[2])));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    public String format() {
        return PREFIX + iterations + "$" + ab64Encode(salt) + "$" + ab64Encode(checksum);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] checksum() {
        return checksum.clone();
    }

    /** Never prints the salt or checksum: a hash must not reach a log by accident (P2). */
    @Override
    public String toString() {
        return "PasswordHash[pbkdf2-sha512, " + iterations + " iterations]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that && format().equals(that.format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }

    static String ab64Encode(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace('+', '.');
    }

    static byte[] ab64Decode(String text) {
        return Base64.getDecoder().decode(text.replace('.', '+'));
    }
}
