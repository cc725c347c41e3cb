package app.strongroom.tenant.apikey;

import app.strongroom.catalog.TenantId;
import app.strongroom.vault.format.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key as a client sent it, taken apart: the tenant it names and the digest to look it up by in that tenant's
 * database. The tenant part is not trusted by itself: it only says where to look, and only a key whose whole text
 * hashes to a digest stored there opens anything, so changing the tenant part makes a key that matches nowhere.
 */
public record PresentedKey(TenantId tenant, String digest) {
    public static final String PREFIX = "srk_";
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{32})_([A-Za-z0-9_-]{43})");

    /** Empty when the text is not even shaped like a key, so nothing that cannot be one reaches a database. */
    public static Optional<PresentedKey> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(presented);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String hex = matcher.group(1);
        UUID id = new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
        return Optional.of(new PresentedKey(new TenantId(id), digest(presented)));
    }

    /** The text of a key of {@code tenant} with {@code secret} (43 base64url characters). */
    static String format(TenantId tenant, String secret) {
        return PREFIX + tenant.hex() + "_" + secret;
    }

    static String digest(String key) {
        return Digests.hex(Digests.sha256().digest(key.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public String toString() {
        return "PresentedKey[" + tenant + "]";
    }
}
