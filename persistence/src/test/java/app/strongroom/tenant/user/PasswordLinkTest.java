package app.strongroom.tenant.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.common.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordLinkTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final UserAccount anna = UserAccount.invited("anna", new EmailAddress("anna@example.org"), false);

    @Test
    void aTokenHas256RandomBitsAndOnlyItsHashIsKept() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            PasswordLink.Issued issued = PasswordLink.issue(anna, PasswordLink.Purpose.RESET, NOW, Duration.ofHours(1), null);
            assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
            tokens.add(issued.token());
        }
        assertThat(tokens).hasSize(100);
        PasswordLink.Issued issued = PasswordLink.issue(anna, PasswordLink.Purpose.RESET, NOW, Duration.ofHours(1), null);
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void sha256IsTheKnownDigest() {
        // echo -n abc | sha256sum
        assertThat(PasswordLink.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aLinkWorksOnceAndUntilItExpires() {
        PasswordLink link = PasswordLink.issue(anna, PasswordLink.Purpose.RESET, NOW, Duration.ofHours(1), null).link();
        assertThat(link.stateAt(NOW.plus(Duration.ofMinutes(59)))).isEqualTo(PasswordLink.State.USABLE);
        assertThat(link.stateAt(NOW.plus(Duration.ofHours(1)))).isEqualTo(PasswordLink.State.EXPIRED);
        assertThatThrownBy(() -> link.spend(NOW.plus(Duration.ofHours(2)))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expired");

        link.spend(NOW.plusSeconds(1));
        assertThat(link.stateAt(NOW.plusSeconds(2))).isEqualTo(PasswordLink.State.USED);
        assertThatThrownBy(() -> link.spend(NOW.plusSeconds(3))).hasMessageContaining("used");
    }

    @Test
    void aRevokedLinkCountsAsUsed() {
        PasswordLink link = PasswordLink.issue(anna, PasswordLink.Purpose.INVITATION, NOW, Duration.ofDays(3), "admin").link();
        link.revoke(NOW);
        assertThat(link.stateAt(NOW)).isEqualTo(PasswordLink.State.USED);
    }

    @Test
    void aLifetimeMustBePositive() {
        assertThatThrownBy(() -> PasswordLink.issue(anna, PasswordLink.Purpose.RESET, NOW, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
