package app.strongroom.download;

import java.time.Instant;

/** How a live download ended. */
public sealed interface LiveOutcome {
    /** The whole backup, sealed with its manifest, was written. */
    record Sent(long bytes) implements LiveOutcome {
    }

    /** Another live download of the company is running (started {@code since} by {@code login}); nothing was sent. */
    record Busy(Instant since, String login) implements LiveOutcome {
    }

    /**
     * The download failed. {@code cutOff}: bytes were already sent to a client still there, so the response must be
     * cut off, never completed (a client that went away needs nothing more). {@code reason} is for the company's
     * administrator.
     */
    record Failed(boolean cutOff, String reason) implements LiveOutcome {
    }
}
