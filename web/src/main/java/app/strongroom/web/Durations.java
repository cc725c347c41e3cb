package app.strongroom.web;

import java.math.BigDecimal;
import java.math.MathContext;

/** Durations for people: milliseconds with at most three significant digits, seconds from 10 s on. */
public final class Durations {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private Durations() {
    }

    public static String human(long nanos) {
        if (nanos <= 0) {
            return "0 ms";
        }
        if (nanos >= 10_000 * NANOS_PER_MILLI) {
            return round(nanos / 1e9) + " s";
        }
        return round(nanos / (double) NANOS_PER_MILLI) + " ms";
    }

    private static String round(double value) {
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
