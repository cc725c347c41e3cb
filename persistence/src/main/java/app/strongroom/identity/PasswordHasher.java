package app.strongroom.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and verifies passwords with PBKDF2-HMAC-SHA512 through the JDK provider (the fastest here, see
 * stack-facts.md). The iteration count is the platform's current setting; verification uses the count stored with
 * each hash, and {@link Verification#needsRehash()} tells the caller to store a fresh hash after a successful sign-in.
 */
public final class PasswordHasher {
    /** The OWASP figure for PBKDF2-HMAC-SHA512; production settings may never go below it. */
    public static final int OWASP_MINIMUM_ITERATIONS = 220_000;
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Every PBKDF2 derivation in this JVM: what throttling must keep from growing (monitoring, tests). */
    private static final LongAdder DERIVATIONS = new LongAdder();

    private final int iterations;
    private final PasswordHash decoy;

    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
        this.decoy = new PasswordHash(iterations, new byte[PasswordHash.MIN_SALT_BYTES], new byte[PasswordHash.CHECKSUM_BYTES]);
    }

    public int iterations() {
        return iterations;
    }

    public PasswordHash hash(char[] password) {
        byte[] salt = new byte[PasswordHash.MIN_SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /** Outcome of checking a password against a stored hash. */
    public record Verification(boolean matches, boolean needsRehash) {
    }

    public Verification verify(char[] password, String stored) {
        Optional<PasswordHash> parsed = PasswordHash.parse(stored);
        if (parsed.isEmpty()) {
            burn(password);
            return new Verification(false, false);
        }
        PasswordHash hash = parsed.get();
        byte[] candidate = derive(password, hash.salt(), hash.iterations());
        boolean matches = MessageDigest.isEqual(candidate, hash.checksum());
        return new Verification(matches, matches && hash.iterations() < iterations);
    }

    /**
     * Spends the time of one verification without a stored hash, so an unknown tenant or login answers as slowly as
     * a wrong password and timing does not tell which accounts exist.
     */
    public void burn(char[] password) {
        derive(password, decoy.salt(), iterations);
    }

    /** How many PBKDF2 derivations this JVM has computed since it started. */
    public static long derivations() {
        return DERIVATIONS.sum();
    }

    private static byte[] derive(char[] password, byte[] salt, int rounds) {
        DERIVATIONS.increment();
        PBEKeySpec spec = new PBEKeySpec(password, salt, rounds, PasswordHash.CHECKSUM_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, impossible);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PasswordHasher[" + iterations + " iterations]";
    }

}
