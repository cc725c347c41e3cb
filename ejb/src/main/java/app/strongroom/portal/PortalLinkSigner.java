package app.strongroom.portal;

import app.strongroom.catalog.TenantId;
import com.google.crypto.tink.subtle.Hkdf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies portal link tokens. A token is 74 bytes in unpadded base64url (99 characters): format version,
 * tenant id, order id, purpose, expiry (epoch seconds), order generation, tenant generation, then the HMAC-SHA256 of
 * all of those under the tenant's portal key. Verification accepts only that exact text (no padding, no other
 * alphabet, no second spelling of the same bytes), compares the MAC in constant time, and refuses a token at or after
 * its expiry. Each tenant's key is derived from the master key, which no tenant database or backup holds, through
 * HKDF-SHA256 with its own info ({@value #KEY_INFO} and the tenant id), so it is no key of any other use of the
 * master key. After a master-key rotation, links signed under a retired master key still verify until they expire;
 * new links are signed under the current one only.
 */
public final class PortalLinkSigner {
    static final byte VERSION = 1;
    static final int MAC_BYTES = 32;
    static final int SIGNED_BYTES = 1 + 16 + 8 + 1 + 8 + 4 + 4;
    static final int TOKEN_BYTES = SIGNED_BYTES + MAC_BYTES;
    /** Length of the token's text: unpadded base64 of {@link #TOKEN_BYTES}. */
    public static final int TOKEN_CHARS = (TOKEN_BYTES * 8 + 5) / 6;
    private static final String ALGORITHM = "HmacSHA256";
    /** The HKDF info of a tenant's portal key, followed by a space and the tenant id. */
    static final String KEY_INFO = "strongroom portal-links v1";

    private final Function<TenantId, List<SecretKey>> keys;
    private final Clock clock;

    /**
     * @param keys a tenant's portal keys: the first signs, any of them verifies (the current one and those of
     *             retired master keys)
     */
    public PortalLinkSigner(Function<TenantId, List<SecretKey>> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The signer whose keys derive from {@code masterKey}, as the platform's. */
    public static PortalLinkSigner ofMasterKey(byte[] masterKey, Clock clock) {
        return ofMasterKeys(List.of(masterKey), clock);
    }

    /** The signer whose keys derive from the current master key (first) and the retired ones still configured. */
    public static PortalLinkSigner ofMasterKeys(List<byte[]> masterKeys, Clock clock) {
        if (masterKeys.isEmpty()) {
            throw new IllegalArgumentException("a signer needs a master key");
        }
        List<byte[]> masters = masterKeys.stream().map(byte[]::clone).toList();
        return new PortalLinkSigner(tenant -> masters.stream().map(master -> keyOf(master, tenant)).toList(), clock);
    }

    /** One tenant's portal key: HKDF-SHA256 of the master key, info {@value #KEY_INFO} and the tenant id. */
    public static SecretKey keyOf(byte[] masterKey, TenantId tenant) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("the master key must hold at least 32 bytes");
        }
        byte[] info = (KEY_INFO + " " + tenant.value()).getBytes(StandardCharsets.UTF_8);
        try {
            return new SecretKeySpec(Hkdf.computeHkdf("HMACSHA256", masterKey, new byte[0], info, MAC_BYTES),
                    ALGORITHM);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public String sign(PortalClaims claims) {
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES);
        UUID tenant = claims.tenant().value();
        token.put(VERSION).putLong(tenant.getMostSignificantBits()).putLong(tenant.getLeastSignificantBits())
                .putLong(claims.orderId()).put(claims.purpose().code()).putLong(claims.expiresAt().getEpochSecond())
                .putInt(claims.orderGeneration()).putInt(claims.tenantGeneration());
        byte[] bytes = token.array();
        token.put(mac(keys.apply(claims.tenant()).get(0), Arrays.copyOf(bytes, SIGNED_BYTES)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The claims of an authentic, unexpired token; empty for anything else, whatever is wrong with it. Generations are
     * the caller's to compare with the current ones.
     */
    public Optional<PortalClaims> verify(String text) {
        return authentic(text).filter(claims -> clock.instant().getEpochSecond() < claims.expiresAt().getEpochSecond());
    }

    /**
     * The claims of a token this platform signed, expired or not; empty for anything else. Only for telling the
     * tenant that one of its genuine links was used too late: {@link #verify} is what lets a link work.
     */
    public Optional<PortalClaims> authentic(String text) {
        Optional<byte[]> decoded = decode(text);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer token = ByteBuffer.wrap(decoded.get());
        if (token.get() != VERSION) {
            return Optional.empty();
        }
        TenantId tenant = new TenantId(new UUID(token.getLong(), token.getLong()));
        long orderId = token.getLong();
        Optional<PortalPurpose> purpose = PortalPurpose.of(token.get());
        long expiresAt = token.getLong();
        int orderGeneration = token.getInt();
        int tenantGeneration = token.getInt();
        byte[] signed = Arrays.copyOf(decoded.get(), SIGNED_BYTES);
        byte[] given = Arrays.copyOfRange(decoded.get(), SIGNED_BYTES, TOKEN_BYTES);
        // Every key is tried, so the time taken does not tell under which one a token failed.
        boolean authentic = false;
        for (SecretKey key : keys.apply(tenant)) {
            authentic |= MessageDigest.isEqual(mac(key, signed), given);
        }
        if (!authentic || purpose.isEmpty() || orderId <= 0 || orderGeneration < 0
                || tenantGeneration < 0 || expiresAt <= 0) {
            return Optional.empty();
        }
        return Optional.of(new PortalClaims(tenant, orderId, purpose.get(), Instant.ofEpochSecond(expiresAt),
                orderGeneration, tenantGeneration));
    }

    /** The token's bytes, only from its one canonical spelling. */
    private static Optional<byte[]> decode(String text) {
        if (text == null || text.length() != TOKEN_CHARS) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            // The decoder ignores the unused low bits of the last character: a second spelling is no token.
            return bytes.length == TOKEN_BYTES
                    && Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text)
                    ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static byte[] mac(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public String toString() {
        return "PortalLinkSigner[keys hidden]";
    }
}
