package app.strongroom.web.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedDecimalConverterTest {
    @Test
    void anAmountAsLongAsAnyIsReadAndOneBeyondIsNot() {
        assertThat(BoundedDecimalConverter.tooLong(null)).isFalse();
        assertThat(BoundedDecimalConverter.tooLong("-999999999999.999")).isFalse();
        assertThat(BoundedDecimalConverter.tooLong("  " + "9".repeat(40) + "  ")).isFalse();
        assertThat(BoundedDecimalConverter.tooLong("9".repeat(41))).isTrue();
        assertThat(BoundedDecimalConverter.tooLong("1" + "0".repeat(2_000_000))).isTrue();
    }
}
