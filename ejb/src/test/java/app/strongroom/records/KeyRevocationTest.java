package app.strongroom.records;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.apikey.ApiKeys;
import app.strongroom.apikey.KeyIssue;
import app.strongroom.apikey.KeyRevocation;
import app.strongroom.common.EmailAddress;
import app.strongroom.tenant.apikey.ApiKeyScope;
import app.strongroom.tenant.user.UserAccount;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A key is made only by a session that is still current, and revoking a user's keys when they are signed out
 * everywhere cannot miss one being made at that moment: on a real tenant database, two transactions at once.
 */
class KeyRevocationTest {
    private static TenantFixture tenant;

    @BeforeAll
    static void tenant() throws Exception {
        tenant = new TenantFixture();
        tenant.inTransaction(em -> {
            em.persist(UserAccount.user("sam", new EmailAddress("sam@example.org"), "x"));
            em.persist(UserAccount.user("kim", new EmailAddress("kim@example.org"), "x"));
            return null;
        });
    }

    @AfterAll
    static void close() throws Exception {
        tenant.close();
    }

    @Test
    void onlyASessionAtTheAccountsCurrentEpochMakesAKey() {
        ApiKeys keys = tenant.as("sam", new ApiKeys());
        long epoch = epochOf("sam");
        assertThat(keys.create("current", ApiKeyScope.READ, 7, "192.0.2.1", epoch))
                .isInstanceOf(KeyIssue.Issued.class);
        assertThat(keys.create("stale", ApiKeyScope.READ, 7, "192.0.2.1", epoch - 1))
                .isInstanceOfSatisfying(KeyIssue.Refused.class, refused -> assertThat(refused.rule())
                        .contains("session has ended"));
        assertThat(activeKeys("sam")).isEqualTo(1);
    }

    @Test
    void aKeyAskedForWhileThePasswordChangesWaitsForItAndIsRefused() throws Exception {
        ApiKeys keys = tenant.as("kim", new ApiKeys());
        long epoch = epochOf("kim");
        assertThat(keys.create("before", ApiKeyScope.READ, 7, "192.0.2.2", epoch)).isInstanceOf(KeyIssue.Issued.class);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<KeyIssue> meanwhile = tenant.inTransaction(em -> {
                UserAccount kim = UserAccount.byLogin(em, "kim").orElseThrow();
                kim.choosePassword("changed");
                assertThat(KeyRevocation.revokeActiveKeys(em, kim, "kim", "192.0.2.2", Instant.now(),
                        "the password was changed")).isEqualTo(1);
                Future<KeyIssue> asked = other.submit(() -> keys.create("meanwhile", ApiKeyScope.READ_WRITE, 7,
                        "192.0.2.3", epoch));
                awaitASessionWaitingOnALock();
                return asked;
            });
            assertThat(meanwhile.get(30, TimeUnit.SECONDS)).as("asked for at the old epoch, answered after the change")
                    .isInstanceOfSatisfying(KeyIssue.Refused.class, refused -> assertThat(refused.rule())
                            .contains("session has ended"));
        } finally {
            other.shutdownNow();
        }
        assertThat(activeKeys("kim")).as("none survives the change").isZero();
    }

    private static long epochOf(String login) {
        return tenant.inTransaction(em -> UserAccount.byLogin(em, login).orElseThrow().sessionEpoch());
    }

    private static long activeKeys(String login) {
        return tenant.inTransaction(em -> ((Number) em.createNativeQuery("select count(*) from api_key k join "
                + "user_account u on u.id = k.user_id where u.login = ?1 and k.revoked_at is null")
                .setParameter(1, login).getSingleResult()).longValue());
    }

    /** Until the key's transaction waits for the account's row, which the password change holds. */
    private static void awaitASessionWaitingOnALock() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        try (Connection c = tenant.superuser(); Statement s = c.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = "
                        + "'Lock'")) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("the key's transaction never waited for the password change's lock on the account");
    }
}
