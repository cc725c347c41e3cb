package app.strongroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    /** Made outside Java (OpenSSL's PBKDF2 through Python's hashlib), in passlib's format. */
    private static final String KNOWN = "$pbkdf2-sha512$1000$AAECAwQFBgcICQoLDA0ODw$"
            + "Xpx07WjVx4vCIvrmBRj8uOoVVtGqJqtUv2J5bhizSQs7osCteF7W4A61dZDqSIqQjO.dxO6p5FT/Uy7QRBXSXA";

    private final PasswordHasher hasher = new PasswordHasher(1000);

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
