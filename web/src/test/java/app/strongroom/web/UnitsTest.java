package app.strongroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void sizesReadAsAFileManagerShowsThem() {
        assertThat(Units.human(999)).isEqualTo("999 B");
        assertThat(Units.human(1_234)).isEqualTo("1.2 kB");
        assertThat(Units.human(25L * 1024 * 1024)).isEqualTo("26 MB");
        assertThat(Units.human(1_500_000_000L)).isEqualTo("1.5 GB");
        assertThat(Units.human(123_456_789L)).isEqualTo("123 MB");
    }
}
