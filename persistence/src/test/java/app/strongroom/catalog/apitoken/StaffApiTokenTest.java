package app.strongroom.catalog.apitoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.StaffMember;
import app.strongroom.catalog.StaffRole;
import app.strongroom.common.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffApiTokenTest {
    private final StaffMember anna = new StaffMember("anna", "hash", StaffRole.OPERATOR);
    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aTokenIsThePrefixAnd256RandomBitsAndOnlyItsDigestIsKept() {
        StaffApiToken.Issued issued = StaffApiToken.issue(anna, "laptop", 30, now);
        assertThat(issued.secret()).startsWith("srs_").hasSize(4 + 43).matches("srs_[A-Za-z0-9_-]{43}");
        assertThat(StaffApiToken.digestOf(issued.secret())).hasValueSatisfying(d -> assertThat(d).hasSize(64)
                .isNotEqualTo(issued.secret()).doesNotContain(issued.secret().substring(4)));
        assertThat(issued.toString()).as("never printed by accident").doesNotContain(issued.secret());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(seen.add(StaffApiToken.issue(anna, "t", 1, now).secret())).isTrue();
        }
    }

    @Test
    void anythingWithoutATokensShapeHasNoDigestToLookUp() {
        String good = StaffApiToken.issue(anna, "laptop", 30, now).secret();
        for (String bad : new String[] {null, "", "srs_", "garbage", good + "x", good.substring(0, good.length() - 1),
                "ghp_" + good.substring(4), good.replace('_', ' '), " " + good, good + "\n"}) {
            assertThat(StaffApiToken.digestOf(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void aLifetimeIsOneToNinetyDaysAndTheTokenExpiresThen() {
        assertThatThrownBy(() -> StaffApiToken.issue(anna, "x", 0, now)).isInstanceOf(InvalidValue.class)
                .hasMessage("lifetime must be 1 to 90 days");
        assertThatThrownBy(() -> StaffApiToken.issue(anna, "x", 91, now)).isInstanceOf(InvalidValue.class);
        StaffApiToken token = StaffApiToken.issue(anna, "x", 90, now).token();
        assertThat(token.expiresAt()).isEqualTo(now.plus(Duration.ofDays(90)));
        assertThat(token.stateAt(now.plus(Duration.ofDays(90)).minusMillis(1))).isEqualTo(TokenState.ACTIVE);
        assertThat(token.stateAt(now.plus(Duration.ofDays(90)))).isEqualTo(TokenState.EXPIRED);
        assertThatThrownBy(() -> token.usedFrom("192.0.2.1", now.plus(Duration.ofDays(91))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNameIsRequiredShortAndPrintable() {
        assertThatThrownBy(() -> StaffApiToken.issue(anna, " ", 1, now)).isInstanceOf(InvalidValue.class)
                .hasMessage("name is required");
        assertThatThrownBy(() -> StaffApiToken.issue(anna, "x".repeat(61), 1, now)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> StaffApiToken.issue(anna, "a\u0000b", 1, now)).isInstanceOf(InvalidValue.class)
                .hasMessage("name must not contain control characters");
        assertThat(StaffApiToken.issue(anna, "  nightly backup script  ", 1, now).token().name())
                .isEqualTo("nightly backup script");
    }

    @Test
    void aRevokedTokenStaysRevokedAndRecordsNoFurtherUse() {
        StaffApiToken token = StaffApiToken.issue(anna, "x", 5, now).token();
        token.usedFrom("192.0.2.1", now.plusSeconds(60));
        assertThat(token.lastUsedAt()).contains(now.plusSeconds(60));
        assertThat(token.lastUsedFrom()).contains("192.0.2.1");
        token.revoke(now.plusSeconds(120));
        token.revoke(now.plusSeconds(180));
        assertThat(token.revokedAt()).contains(now.plusSeconds(120));
        assertThat(token.stateAt(now.plusSeconds(130))).isEqualTo(TokenState.REVOKED);
        assertThatThrownBy(() -> token.usedFrom("192.0.2.1", now.plusSeconds(200)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(token.belongsTo(anna)).isTrue();
        assertThat(token.belongsTo(new StaffMember("bert", "hash", StaffRole.HELPDESK))).isFalse();
    }
}
