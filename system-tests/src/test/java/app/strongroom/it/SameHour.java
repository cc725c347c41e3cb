package app.strongroom.it;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A check of one of the platform's hourly limits, which count per UTC clock hour: when the hour turned while the check
 * ran, its counts were split between two hours, so it runs once more, afresh. A check far shorter than an hour cannot
 * be split twice, so a second failure is a failure.
 */
final class SameHour {
    /** One run of the check; {@code attempt} (0, then 1) lets it take fresh addresses, records and names. */
    @FunctionalInterface
    interface Check {
        void run(int attempt) throws Exception;
    }

    private SameHour() {
    }

    static void check(Check check) throws Exception {
        for (int attempt = 0; ; attempt++) {
            Instant hour = hour();
            try {
                check.run(attempt);
                return;
            } catch (AssertionError failed) {
                if (attempt > 0 || hour.equals(hour())) {
                    throw failed;
                }
            }
        }
    }

    /** How many clock hours the views between {@code from} and {@code to} fell into, at most. */
    static int spanned(Instant from, Instant to) {
        return (int) ChronoUnit.HOURS.between(from.truncatedTo(ChronoUnit.HOURS), to.truncatedTo(ChronoUnit.HOURS)) + 1;
    }

    private static Instant hour() {
        return Instant.now().truncatedTo(ChronoUnit.HOURS);
    }
}
