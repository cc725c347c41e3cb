package app.strongroom.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobProgressViewTest {
    @Test
    void percentIsWholeAndNeverShowsDoneBeforeItIs() {
        assertThat(new JobProgressView(0, 4, 0).percent()).isZero();
        assertThat(new JobProgressView(1, 4, 0).percent()).isEqualTo(25);
        assertThat(new JobProgressView(1, 3, 0).percent()).isEqualTo(33);
        assertThat(new JobProgressView(999, 1000, 0).percent()).as("not 100 until the last one").isEqualTo(99);
        assertThat(new JobProgressView(1000, 1000, 0).percent()).isEqualTo(100);
    }

    @Test
    void anUnknownTotalIsNoProgressAndMoreThanTheTotalIsAllOfIt() {
        assertThat(new JobProgressView(0, 0, 5_000).percent()).as("the mapper has not said how many yet").isZero();
        assertThat(new JobProgressView(3, 0, 0).percent()).isZero();
        assertThat(new JobProgressView(5, 4, 0).percent()).isEqualTo(100);
    }

    @Test
    void aPercentOfHugeFiguresDoesNotOverflow() {
        long total = Long.MAX_VALUE / 50;
        assertThat(new JobProgressView(total / 2, total, Long.MAX_VALUE).percent()).isEqualTo(50);
        assertThat(new JobProgressView(total - 1, total, 0).percent()).isEqualTo(99);
        assertThat(new JobProgressView(Long.MAX_VALUE - 1, Long.MAX_VALUE, 0).percent()).isEqualTo(99);
    }

    @Test
    void negativeFiguresAreRefused() {
        assertThatThrownBy(() -> new JobProgressView(-1, 4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobProgressView(0, -4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobProgressView(0, 4, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
