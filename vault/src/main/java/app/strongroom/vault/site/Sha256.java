package app.strongroom.vault.site;

import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The checks every store makes on what it was given to store. */
final class Sha256 {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    /** {@code hex} in lower case, if it is a SHA-256 in hex. */
    static String requireHex(String hex) {
        String lower = hex == null ? "" : hex.toLowerCase(java.util.Locale.ROOT);
        if (!HEX.matcher(lower).matches()) {
            throw new IllegalArgumentException("the expected SHA-256 must be 64 hex digits, not '" + hex + "'");
        }
        return lower;
    }

    /**
     * {@code actual} if the content had the announced size and the expected digest. Otherwise nothing may replace
     * what the site holds: a copy that is known to differ from its source is no copy.
     */
    static String check(String site, String key, long size, String expected, long read, String actual) {
        if (read != size) {
            String was = read > size ? "more than the " + size + " bytes announced" : read + " bytes, not the " + size
                    + " announced";
            throw new ContentMismatchException("the content of " + key + " was " + was + "; site " + site + " keeps what it had");
        }
        if (!actual.equals(expected)) {
            throw new ContentMismatchException("the content of " + key + " has SHA-256 " + actual + ", not the expected "
                    + expected + "; site " + site + " keeps what it had");
        }
        return actual;
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }
}
