package app.strongroom.tenant.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantId;
import app.strongroom.common.EmailAddress;
import app.strongroom.common.InvalidValue;
import app.strongroom.tenant.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    private final TenantId acme = TenantId.random();
    private final TenantId other = TenantId.random();
    private final UserAccount anna = UserAccount.user("anna", new EmailAddress("anna@example.org"), "hash");
    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aKeyNamesItsTenantAndHas256RandomBitsAndOnlyItsDigestIsKept() {
        ApiKey.Issued issued = ApiKey.issue(acme, anna, "sync", ApiKeyScope.READ, 30, now);
        assertThat(issued.secret()).matches("srk_" + acme.hex() + "_[A-Za-z0-9_-]{43}");
        PresentedKey presented = PresentedKey.parse(issued.secret()).orElseThrow();
        assertThat(presented.tenant()).isEqualTo(acme);
        assertThat(presented.digest()).hasSize(64).doesNotContain(issued.secret().substring(37));
        assertThat(issued.toString()).as("never printed by accident").doesNotContain(issued.secret());
        assertThat(presented.toString()).doesNotContain(presented.digest());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(seen.add(ApiKey.issue(acme, anna, "k", ApiKeyScope.READ, 1, now).secret())).isTrue();
        }
    }

    @Test
    void anotherTenantsIdInAKeyChangesItsDigestSoItMatchesNothingStored() {
        String key = ApiKey.issue(acme, anna, "sync", ApiKeyScope.READ_WRITE, 30, now).secret();
        String moved = key.replace(acme.hex(), other.hex());
        PresentedKey original = PresentedKey.parse(key).orElseThrow();
        PresentedKey forged = PresentedKey.parse(moved).orElseThrow();
        assertThat(forged.tenant()).isEqualTo(other);
        assertThat(forged.digest()).isNotEqualTo(original.digest());
    }

    @Test
    void anythingWithoutAKeysShapeIsNoKey() {
        String good = ApiKey.issue(acme, anna, "sync", ApiKeyScope.READ, 30, now).secret();
        for (String bad : new String[] {null, "", "srk_", "garbage", good + "x", good.substring(0, good.length() - 1),
                "srs_" + good.substring(4), good.toUpperCase(), " " + good, good + "\n", good.replace("_", "-"),
                "srk_" + acme.hex().substring(1) + "_" + good.substring(good.length() - 43)}) {
            assertThat(PresentedKey.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void aLifetimeIsOneTo365DaysAndTheKeyExpiresThen() {
        assertThatThrownBy(() -> ApiKey.issue(acme, anna, "x", ApiKeyScope.READ, 0, now))
                .isInstanceOf(InvalidValue.class).hasMessage("lifetime must be 1 to 365 days");
        assertThatThrownBy(() -> ApiKey.issue(acme, anna, "x", ApiKeyScope.READ, 366, now))
                .isInstanceOf(InvalidValue.class);
        ApiKey key = ApiKey.issue(acme, anna, "x", ApiKeyScope.READ, 365, now).key();
        assertThat(key.expiresAt()).isEqualTo(now.plus(Duration.ofDays(365)));
        assertThat(key.stateAt(now.plus(Duration.ofDays(365)).minusMillis(1))).isEqualTo(ApiKeyState.ACTIVE);
        assertThat(key.stateAt(now.plus(Duration.ofDays(365)))).isEqualTo(ApiKeyState.EXPIRED);
        assertThat(key.opensAt(now.plus(Duration.ofDays(366)))).isFalse();
        assertThatThrownBy(() -> key.usedFrom("192.0.2.1", now.plus(Duration.ofDays(366))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNameIsRequiredShortAndPrintableAndAScopeIsRequired() {
        assertThatThrownBy(() -> ApiKey.issue(acme, anna, " ", ApiKeyScope.READ, 1, now))
                .isInstanceOf(InvalidValue.class).hasMessage("name is required");
        assertThatThrownBy(() -> ApiKey.issue(acme, anna, "x".repeat(61), ApiKeyScope.READ, 1, now))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> ApiKey.issue(acme, anna, "a\u0007b", ApiKeyScope.READ, 1, now))
                .isInstanceOf(InvalidValue.class).hasMessage("name must not contain control or invisible formatting characters");
        assertThatThrownBy(() -> ApiKey.issue(acme, anna, "shop\u202etxt.exe", ApiKeyScope.READ, 1, now))
                .as("a right-to-left override").isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> ApiKey.issue(acme, anna, "x", null, 1, now)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void theLastUseIsKeptToTheMinuteAndItsAddress() {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        ApiKey key = ApiKey.issue(acme, anna, "x", ApiKeyScope.READ, 30, minute).key();
        key.usedFrom("192.0.2.1", minute.plusSeconds(1));
        key.usedFrom("192.0.2.1", minute.plusSeconds(59));
        assertThat(key.lastUsedAt()).as("in the same minute, from the same address: unchanged")
                .contains(minute.plusSeconds(1));
        key.usedFrom("192.0.2.2", minute.plusSeconds(59));
        assertThat(key.lastUsedAt()).contains(minute.plusSeconds(59));
        assertThat(key.lastUsedFrom()).as("another address is recorded at once").contains("192.0.2.2");
        key.usedFrom("192.0.2.2", minute.plusSeconds(61));
        assertThat(key.lastUsedAt()).as("the next minute, however soon").contains(minute.plusSeconds(61));
    }

    @Test
    void aRevokedKeyOrADeactivatedUsersKeyOpensNothingAndRevokingTwiceKeepsTheFirst() {
        ApiKey key = ApiKey.issue(acme, anna, "x", ApiKeyScope.READ, 30, now).key();
        assertThat(key.opensAt(now)).isTrue();
        key.usedFrom("192.0.2.1", now);
        assertThat(key.lastUsedAt()).contains(now);
        assertThat(key.lastUsedFrom()).contains("192.0.2.1");

        UserAccount bob = UserAccount.user("bob", new EmailAddress("bob@example.org"), "hash");
        ApiKey bobs = ApiKey.issue(acme, bob, "y", ApiKeyScope.READ_WRITE, 30, now).key();
        bob.deactivate();
        assertThat(bobs.stateAt(now)).isEqualTo(ApiKeyState.ACTIVE);
        assertThat(bobs.opensAt(now)).as("stops with its user's account").isFalse();
        assertThatThrownBy(() -> bobs.usedFrom("192.0.2.1", now)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ApiKey.issue(acme, bob, "z", ApiKeyScope.READ, 30, now))
                .isInstanceOf(InvalidValue.class);

        key.revoke("admin", now.plusSeconds(5));
        key.revoke("anna", now.plusSeconds(9));
        assertThat(key.stateAt(now.plusSeconds(6))).isEqualTo(ApiKeyState.REVOKED);
        assertThat(key.revokedBy()).contains("admin");
        assertThat(key.opensAt(now.plusSeconds(6))).isFalse();
    }

    @Test
    void aReadKeyAllowsOnlyReadingMethodsAndAReadWriteKeyAll() {
        for (String read : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertThat(ApiKeyScope.READ.allowsMethod(read)).as(read).isTrue();
        }
        for (String write : new String[] {"POST", "PUT", "PATCH", "DELETE", "get", "TRACE", "BREW"}) {
            assertThat(ApiKeyScope.READ.allowsMethod(write)).as(write).isFalse();
            assertThat(ApiKeyScope.READ_WRITE.allowsMethod(write)).as(write).isTrue();
        }
    }
}
