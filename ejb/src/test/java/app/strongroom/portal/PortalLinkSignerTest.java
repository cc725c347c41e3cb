package app.strongroom.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PortalLinkSignerTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant EXPIRY = NOW.plusSeconds(30L * 24 * 3600);
    private static final byte[] MASTER = masterKey((byte) 7);
    private static final TenantId TENANT = TenantId.random();
    private static final TenantId OTHER = TenantId.random();
    private static final PortalClaims CLAIMS = new PortalClaims(TENANT, 42, PortalPurpose.ORDER_ANSWER, EXPIRY, 3, 5);

    private final PortalLinkSigner signer = at(NOW);

    @Test
    void aSignedTokenVerifiesToTheSameClaimsAndIsUrlSafeText() {
        String token = signer.sign(CLAIMS);
        assertThat(token).hasSize(PortalLinkSigner.TOKEN_CHARS).hasSize(99).matches("[A-Za-z0-9_-]+");
        assertThat(signer.verify(token)).contains(CLAIMS);
        assertThat(signer.sign(CLAIMS)).as("deterministic").isEqualTo(token);
    }

    @Test
    void everyFlippedBitAnywhereInTheTokenIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(signer.sign(CLAIMS));
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] flipped = bytes.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(signer.verify(encode(flipped))).as("bit %d", bit).isEmpty();
        }
    }

    @Test
    void aMacWrongOnlyInItsFirstOrLastByteIsRefused() {
        // Both ends of the compared MAC: the constant-time comparison looks at every byte, not up to the first mismatch.
        byte[] bytes = Base64.getUrlDecoder().decode(signer.sign(CLAIMS));
        for (int index : new int[] {PortalLinkSigner.SIGNED_BYTES, PortalLinkSigner.TOKEN_BYTES - 1}) {
            byte[] changed = bytes.clone();
            changed[index]++;
            assertThat(signer.verify(encode(changed))).isEmpty();
        }
    }

    @Test
    void everyCharacterReplacedIsRefused() {
        String token = signer.sign(CLAIMS);
        for (int i = 0; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
            String changed = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(signer.verify(changed)).as("position %d", i).isEmpty();
        }
    }

    @Test
    void aTokenCutShortPaddedOrSpelledOtherwiseIsRefused() {
        String token = signer.sign(CLAIMS);
        for (int length = 0; length < token.length(); length++) {
            assertThat(signer.verify(token.substring(0, length))).as("cut to %d", length).isEmpty();
        }
        List<String> variants = List.of(token + "=", token + "==", token + "A", token + "AAAA", " " + token, token + " ",
                token + "\n", token.replace('-', '+').replace('_', '/'), token + token,
                Base64.getUrlEncoder().encodeToString(Base64.getUrlDecoder().decode(token)));
        for (String variant : variants) {
            assertThat(signer.verify(variant)).as(variant).isEmpty();
        }
    }

    @Test
    void aSecondSpellingOfTheSameBytesIsRefused() {
        // 74 bytes leave two unused bits in the last character; a decoder that ignores them would take both spellings.
        String token = signer.sign(CLAIMS);
        char last = token.charAt(token.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int value = alphabet.indexOf(last);
        String otherSpelling = token.substring(0, token.length() - 1) + alphabet.charAt(value ^ 1);
        assertThat(Base64.getUrlDecoder().decode(otherSpelling)).isEqualTo(Base64.getUrlDecoder().decode(token));
        assertThat(signer.verify(otherSpelling)).isEmpty();
    }

    @Test
    void garbageAndNothingAreRefused() {
        for (String garbage : Arrays.asList(null, "", "x", "null", "../../etc/passwd", "<script>alert(1)</script>",
                "A".repeat(99), "_".repeat(99), "%".repeat(99), "é".repeat(99), "A".repeat(10_000))) {
            assertThat(signer.verify(garbage)).as(String.valueOf(garbage)).isEmpty();
        }
    }

    @Test
    void aTokenWorksUntilTheSecondBeforeItsExpiryAndNeverFromIt() {
        String token = signer.sign(CLAIMS);
        assertThat(at(EXPIRY.minusSeconds(1)).verify(token)).contains(CLAIMS);
        assertThat(at(EXPIRY.minusMillis(1)).verify(token)).contains(CLAIMS);
        assertThat(at(EXPIRY).verify(token)).isEmpty();
        assertThat(at(EXPIRY.plusSeconds(1)).verify(token)).isEmpty();
        assertThat(at(EXPIRY.plusSeconds(400L * 24 * 3600)).verify(token)).isEmpty();
    }

    @Test
    void aTokenReSignedWithAnotherTenantsKeyIsRefused() {
        PortalLinkSigner withOthersKey = new PortalLinkSigner(t -> List.of(PortalLinkSigner.keyOf(MASTER, OTHER)),
                fixed(NOW));
        assertThat(signer.verify(withOthersKey.sign(CLAIMS))).isEmpty();
        PortalClaims othersOwn = new PortalClaims(OTHER, 42, PortalPurpose.ORDER_ANSWER, EXPIRY, 3, 5);
        assertThat(signer.verify(withOthersKey.sign(othersOwn))).contains(othersOwn);
    }

    @Test
    void aTokenOfAnotherMasterKeyIsRefused() {
        PortalLinkSigner otherPlatform = PortalLinkSigner.ofMasterKey(masterKey((byte) 8), fixed(NOW));
        assertThat(signer.verify(otherPlatform.sign(CLAIMS))).isEmpty();
    }

    @Test
    void keysDifferPerTenantAndPerMasterKeyAndAreStable() {
        byte[] a = PortalLinkSigner.keyOf(MASTER, TENANT).getEncoded();
        assertThat(a).hasSize(32).isEqualTo(PortalLinkSigner.keyOf(MASTER, TENANT).getEncoded())
                .isNotEqualTo(PortalLinkSigner.keyOf(MASTER, OTHER).getEncoded())
                .isNotEqualTo(PortalLinkSigner.keyOf(masterKey((byte) 8), TENANT).getEncoded());
        assertThatThrownBy(() -> PortalLinkSigner.keyOf(new byte[31], TENANT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The tenant's key is HKDF-SHA256 (RFC 5869, empty salt) of the master key with its own info, computed here by
     * hand: not the master key itself, nor any plain HMAC of it that another use of the master key might make.
     */
    @Test
    void theTenantsKeyIsHkdfOfTheMasterKeyWithThePortalInfo() throws GeneralSecurityException {
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] pseudoRandomKey = extract.doFinal(MASTER);
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
        expand.update(("strongroom portal-links v1 " + TENANT.value()).getBytes(StandardCharsets.UTF_8));
        byte[] expected = expand.doFinal(new byte[] {1});
        assertThat(PortalLinkSigner.keyOf(MASTER, TENANT).getEncoded()).isEqualTo(expected);
    }

    @Test
    void afterARotationLinksOfTheRetiredMasterKeyWorkUntilTheyExpireAndNewOnesUseTheCurrentKey() {
        byte[] current = masterKey((byte) 9);
        PortalLinkSigner rotated = PortalLinkSigner.ofMasterKeys(List.of(current, MASTER), fixed(NOW));
        String before = signer.sign(CLAIMS);
        assertThat(rotated.verify(before)).contains(CLAIMS);
        assertThat(PortalLinkSigner.ofMasterKeys(List.of(current, MASTER), fixed(EXPIRY)).verify(before)).isEmpty();
        String after = rotated.sign(CLAIMS);
        assertThat(after).isNotEqualTo(before);
        assertThat(PortalLinkSigner.ofMasterKey(current, fixed(NOW)).verify(after)).contains(CLAIMS);
        assertThat(signer.verify(after)).as("signed under the current key only").isEmpty();
        assertThat(PortalLinkSigner.ofMasterKey(current, fixed(NOW)).verify(before)).as("retired key dropped")
                .isEmpty();
        assertThatThrownBy(() -> PortalLinkSigner.ofMasterKeys(List.of(), fixed(NOW)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAuthenticTokenOfAnUnknownVersionOrPurposeIsRefused() throws GeneralSecurityException {
        byte[] bytes = Base64.getUrlDecoder().decode(signer.sign(CLAIMS));
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 2;
        byte[] otherPurpose = bytes.clone();
        otherPurpose[1 + 16 + 8] = 9;
        for (byte[] changed : List.of(otherVersion, otherPurpose)) {
            assertThat(signer.verify(encode(resign(changed)))).isEmpty();
        }
        assertThat(signer.verify(encode(resign(bytes.clone())))).as("the re-signing itself is right").contains(CLAIMS);
    }

    @Test
    void claimsRefuseImpossibleValuesAndKeepWholeSeconds() {
        assertThatThrownBy(() -> new PortalClaims(TENANT, 0, PortalPurpose.ORDER_ANSWER, EXPIRY, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortalClaims(TENANT, 1, PortalPurpose.ORDER_ANSWER, EXPIRY, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PortalClaims(TENANT, 1, PortalPurpose.ORDER_ANSWER, EXPIRY.plusMillis(900), 0, 0).expiresAt())
                .isEqualTo(EXPIRY);
    }

    @Test
    void theSignerShowsNoKey() {
        assertThat(signer.toString()).doesNotContain(Base64.getEncoder().encodeToString(MASTER));
    }

    /** The signed part of {@code bytes} MAC'd again under the tenant's key, as a forger holding that key would. */
    private static byte[] resign(byte[] bytes) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(PortalLinkSigner.keyOf(MASTER, TENANT));
        mac.update(bytes, 0, PortalLinkSigner.SIGNED_BYTES);
        ByteBuffer.wrap(bytes).position(PortalLinkSigner.SIGNED_BYTES).put(mac.doFinal());
        return bytes;
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PortalLinkSigner at(Instant now) {
        return PortalLinkSigner.ofMasterKey(MASTER, fixed(now));
    }

    private static Clock fixed(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static byte[] masterKey(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
