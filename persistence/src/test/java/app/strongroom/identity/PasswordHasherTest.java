package app.strongroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    /** Made outside Java (OpenSSL's PBKDF2 through Python's hashlib), in passlib's format. */
    private static final String KNOWN = "$pbkdf2-sha512$1000$AAECAwQFBgcICQoLDA0ODw$"
            + "Xpx07WjVx4vCIvrmBRj8uOoVVtGqJqtUv2J5bhizSQs7osCteF7W4A61dZDqSIqQjO.dxO6p5FT/Uy7QRBXSXA";

    private final PasswordHasher hasher = new PasswordHasher(1000);

    /** passlib's own known-answer vectors for pbkdf2_sha512 (its test suite), as Odoo stores such hashes. */
    @Test
    void acceptsHashesMadeByPasslib() {
        String ascii = "$pbkdf2-sha512$1212$RHY0Fr3IDMSVO/RSZyb5ow$"
                + "eNLfBK.eVozomMr.1gYa17k9B7KIK25NOEshvhrSX.esqY3s.FvWZViXz4KoLlQI.BzY/YTNJOiKc5gBYFYGww";
        String greek = "$pbkdf2-sha512$1212$KkbvoKGsAIcF8IslDR6skQ$"
                + "8be/PRmd88Ps8fmPowCJttH9G3vgxpG.Krjt3KT.NP6cKJ0V4Prarqf.HBwz0dCkJ6xgWnSj2ynXSV7MlvMa8Q";
        assertThat(hasher.verify("password".toCharArray(), ascii).matches()).isTrue();
        assertThat(hasher.verify("Password".toCharArray(), ascii).matches()).isFalse();
        assertThat(hasher.verify("\u0399\u03c9\u03b1\u03bd\u03bd\u03b7\u03c2".toCharArray(), greek).matches()).isTrue();
        assertThat(PasswordHash.parse(ascii).map(PasswordHash::format)).contains(ascii);
    }

    @Test
    void verifiesAHashMadeByAnotherImplementation() {
        assertThat(hasher.verify("correct horse".toCharArray(), KNOWN).matches()).isTrue();
        assertThat(hasher.verify("correct horsE".toCharArray(), KNOWN).matches()).isFalse();
    }

    @Test
    void storesAlgorithmIterationsAndASixteenByteSaltWithEachHash() {
        PasswordHash hash = hasher.hash("s3cret pass".toCharArray());
        assertThat(hash.format()).startsWith("$pbkdf2-sha512$1000$");
        assertThat(hash.salt()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(PasswordHash.parse(hash.format())).contains(hash);
    }

    @Test
    void twoHashesOfOnePasswordDifferBecauseOfTheSalt() {
        assertThat(hasher.hash("same".toCharArray()).format()).isNotEqualTo(hasher.hash("same".toCharArray()).format());
    }

    @Test
    void asksForARehashOnlyWhenTheStoredCountIsBelowTheCurrentSetting() {
        PasswordHasher stronger = new PasswordHasher(2000);
        assertThat(stronger.verify("correct horse".toCharArray(), KNOWN)).isEqualTo(new PasswordHasher.Verification(true, true));
        assertThat(hasher.verify("correct horse".toCharArray(), KNOWN)).isEqualTo(new PasswordHasher.Verification(true, false));
        assertThat(stronger.verify("wrong".toCharArray(), KNOWN).needsRehash()).isFalse();
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        for (String stored : new String[] {null, "", "plain", "$pbkdf2-sha512$x$a$b", "$pbkdf2-sha256$1000$AAAA$AAAA",
                "$pbkdf2-sha512$1000$AAECAwQFBgcICQoLDA0ODw$tooShort"}) {
            assertThat(hasher.verify("correct horse".toCharArray(), stored).matches()).as(String.valueOf(stored)).isFalse();
        }
    }

    @Test
    void neverPrintsTheSecretParts() {
        PasswordHash hash = PasswordHash.parse(KNOWN).orElseThrow();
        assertThat(hash.toString()).doesNotContain("AAECAw").doesNotContain("Xpx07");
    }
}
