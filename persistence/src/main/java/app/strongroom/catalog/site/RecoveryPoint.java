package app.strongroom.catalog.site;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's recovery point (P11): the newest backup that is safe. The objective is at most {@link #OBJECTIVE} of data
 * lost in a disaster, so a tenant whose newest safe backup is older than that, or who has had none for that long since
 * it was made, is past it.
 */
public record RecoveryPoint(Instant tenantCreatedAt, Optional<Instant> newestSafeBackup) {
    public static final Duration OBJECTIVE = Duration.ofHours(24);

    public RecoveryPoint {
        Objects.requireNonNull(tenantCreatedAt, "tenantCreatedAt");
        Objects.requireNonNull(newestSafeBackup, "newestSafeBackup");
    }

    /** How much would be lost if everything failed at {@code now}. */
    public Duration exposure(Instant now) {
        Instant since = newestSafeBackup.orElse(tenantCreatedAt);
        return now.isBefore(since) ? Duration.ZERO : Duration.between(since, now);
    }

    public boolean isPastObjective(Instant now) {
        return exposure(now).compareTo(OBJECTIVE) > 0;
    }
}
