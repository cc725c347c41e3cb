package app.strongroom.sites;

/** How a replication pass over one site ended. */
public sealed interface PassOutcome {
    String site();

    /** Everything the site should hold is there and verified; what it should not hold is gone. */
    record Done(String site, int copied, int reverified, int deleted) implements PassOutcome {
    }

    /** Some work failed (the site is down, full, refused the credentials...); the site is retried after a backoff. */
    record Failed(String site, String reason, int copied, int failures) implements PassOutcome {
    }

    /** Another instance's pass is working on the site. */
    record Busy(String site) implements PassOutcome {
    }
}
