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
     * The download failed; {@code started}: bytes were already sent, so the response must be cut, never completed.
     * {@code reason} is for the company's administrator.
     */
    record Failed(boolean started, String reason) implements LiveOutcome {
    }
}
