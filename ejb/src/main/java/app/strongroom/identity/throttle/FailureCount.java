package app.strongroom.identity.throttle;

import java.time.Instant;

/**
 * Failures in a row for one key and, once locked, until when. Stored in the grid as plain text
 * ({@code failures:lockedUntilEpochMilli}) so no application class has to be deserialised on another member.
 */
record FailureCount(int failures, long lockedUntil) {
    static final FailureCount NONE = new FailureCount(0, 0);

    static FailureCount parse(String stored) {
        if (stored == null) {
            return NONE;
        }
        int colon = stored.indexOf(':');
        return new FailureCount(Integer.parseInt(stored.substring(0, colon)), Long.parseLong(stored.substring(colon + 1)));
    }

    String format() {
        return failures + ":" + lockedUntil;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil > now.toEpochMilli();
    }

    /** One more failure; reaching {@code threshold} locks until {@code now + cooldown}. A lock that ran out starts over. */
    FailureCount fail(int threshold, long cooldownMillis, Instant now) {
        int count = lockedUntil != 0 && !lockedAt(now) ? 1 : failures + 1;
        long until = count >= threshold ? now.toEpochMilli() + cooldownMillis : 0;
        return new FailureCount(count, until);
    }
}
