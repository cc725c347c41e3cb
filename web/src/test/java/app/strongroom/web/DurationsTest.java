package app.strongroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void shortTimesAreMillisecondsToThreeDigits() {
        assertThat(Durations.human(247_000)).isEqualTo("0.247 ms");
        assertThat(Durations.human(3_812_345)).isEqualTo("3.81 ms");
        assertThat(Durations.human(1_500_000_000L)).isEqualTo("1500 ms");
    }

    @Test
    void longTimesAreSecondsAndNothingIsZeroMs() {
        assertThat(Durations.human(12_340_000_000L)).isEqualTo("12.3 s");
        assertThat(Durations.human(0)).isEqualTo("0 ms");
    }
}
