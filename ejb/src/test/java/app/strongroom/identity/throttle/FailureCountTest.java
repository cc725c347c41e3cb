package app.strongroom.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureCountTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void locksWhenTheThresholdIsReachedForTheCooldown() {
        FailureCount count = FailureCount.NONE;
        for (int i = 1; i < 3; i++) {
            count = count.fail(3, 60_000, NOW);
            assertThat(count.lockedAt(NOW)).isFalse();
        }
        count = count.fail(3, 60_000, NOW);
        assertThat(count.lockedAt(NOW)).isTrue();
        assertThat(count.lockedAt(NOW.plusSeconds(59))).isTrue();
        assertThat(count.lockedAt(NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void aLockThatRanOutStartsCountingAfresh() {
        FailureCount locked = new FailureCount(3, NOW.toEpochMilli() + 1000);
        FailureCount after = locked.fail(3, 60_000, NOW.plusSeconds(5));
        assertThat(after.failures()).isEqualTo(1);
        assertThat(after.lockedAt(NOW.plusSeconds(5))).isFalse();
    }

    @Test
    void survivesTheTripThroughTheGridAsText() {
        FailureCount count = new FailureCount(7, 1234567L);
        assertThat(FailureCount.parse(count.format())).isEqualTo(count);
        assertThat(FailureCount.parse(null)).isEqualTo(FailureCount.NONE);
    }
}
