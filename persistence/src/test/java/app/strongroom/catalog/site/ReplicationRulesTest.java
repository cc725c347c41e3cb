package app.strongroom.catalog.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicationRulesTest {
    private static final Map<String, String> SITES = Map.of("paris", "Europe", "frankfurt", "europe ",
            "virginia", "North America", "oregon", "North America");

    @Test
    void aBackupIsSafeOnlyOnThreeSitesAndTwoContinents() {
        assertThat(Spread.of(List.of("paris", "frankfurt", "virginia"), SITES).isSafe()).isTrue();
        assertThat(Spread.of(List.of("paris", "frankfurt"), SITES).isSafe()).as("two sites").isFalse();
        assertThat(Spread.of(List.of("virginia", "oregon", "virginia"), SITES).isSafe()).as("one continent").isFalse();
        assertThat(Spread.of(List.of("paris", "virginia", "retired-site"), SITES).isSafe())
                .as("a site no longer configured does not count").isFalse();
        assertThat(Spread.of(List.of("paris", "frankfurt", "oregon"), SITES).continents())
                .as("continents compare without case or spaces").hasSize(2);
    }

    @Test
    void theRecoveryPointIsMissedOnceTheNewestSafeBackupIsOlderThanADay() {
        Instant made = Instant.parse("2026-11-20T01:30:00Z");
        Clock clock = Clock.fixed(made.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        RecoveryPoint point = new RecoveryPoint(made.minus(Duration.ofDays(30)), Optional.of(made));
        assertThat(point.isPastObjective(clock.instant())).isFalse();
        Clock dayLater = Clock.offset(clock, Duration.ofHours(22).plusMinutes(1));
        assertThat(point.isPastObjective(dayLater.instant())).as("24 h 1 min after the backup").isTrue();
        assertThat(point.exposure(dayLater.instant())).isEqualTo(Duration.ofHours(24).plusMinutes(1));
    }

    @Test
    void aNewTenantWithoutASafeBackupIsFlaggedOnlyADayAfterItWasMade() {
        Instant created = Instant.parse("2026-11-20T10:00:00Z");
        RecoveryPoint none = new RecoveryPoint(created, Optional.empty());
        assertThat(none.isPastObjective(created.plus(Duration.ofHours(23)))).isFalse();
        assertThat(none.isPastObjective(created.plus(Duration.ofHours(25)))).isTrue();
    }

    @Test
    void aFailingSiteIsRetriedAfterABackoffThatDoublesUpToAnHour() {
        Duration base = Duration.ofMinutes(1);
        assertThat(SiteState.backoff(base, 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SiteState.backoff(base, 2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SiteState.backoff(base, 5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(SiteState.backoff(base, 40)).isEqualTo(Duration.ofHours(1));

        SiteState state = new SiteState("paris");
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        state.failed("site paris cannot be reached", now, base);
        state.failed("site paris cannot be reached", now, base);
        assertThat(state.catchUpDue(now.plusSeconds(60))).isFalse();
        assertThat(state.catchUpDue(now.plusSeconds(120))).isTrue();
        state.passed(now.plusSeconds(130));
        assertThat(state.catchUpDue(now.plusSeconds(999))).as("nothing owed after a good pass").isFalse();
        assertThat(state.lastFailure()).isEmpty();
    }

    @Test
    void aPassAskedForWhileAnotherRanIsOwedUntilALaterPassBegins() {
        SiteState state = new SiteState("paris");
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        state.started(t);
        state.requestPass(t.plusSeconds(5));
        assertThat(state.catchUpDue(t.plusSeconds(6))).isTrue();
        state.started(t.plusSeconds(10));
        state.passed(t.plusSeconds(20));
        assertThat(state.catchUpDue(t.plusSeconds(30))).isFalse();
    }

    @Test
    void aReverificationAskedForWhileTheSiteWasBusyIsOwedUntilAReverifyingPassThatBeganAfterItGetsThrough() {
        SiteState state = new SiteState("paris");
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(state.started(t)).as("a plain pass owes nothing").isFalse();
        state.requestReverification(t.plusSeconds(5));
        assertThat(state.catchUpDue(t.plusSeconds(6))).isTrue();
        state.passed(t.plusSeconds(8), false, t);
        assertThat(state.reverificationOwed()).as("the busy pass did not read the copies back").isTrue();

        assertThat(state.started(t.plusSeconds(10))).as("the owed pass re-verifies").isTrue();
        state.failed("site paris cannot be reached", t.plusSeconds(11), Duration.ofSeconds(60));
        assertThat(state.reverificationOwed()).as("a failed pass settles nothing").isTrue();

        assertThat(state.started(t.plusSeconds(100))).isTrue();
        state.requestReverification(t.plusSeconds(105));
        state.passed(t.plusSeconds(110), true, t.plusSeconds(100));
        assertThat(state.reverificationOwed()).as("asked for while it ran: it may have read the copy before").isTrue();

        assertThat(state.started(t.plusSeconds(200))).isTrue();
        state.passed(t.plusSeconds(210), true, t.plusSeconds(200));
        assertThat(state.reverificationOwed()).isFalse();
        assertThat(state.started(t.plusSeconds(300))).isFalse();
    }
}
