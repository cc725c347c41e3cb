package app.strongroom.backup;

import app.strongroom.catalog.backup.Retention;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What retention kept, by which rule, and what it deleted (or, on a dry run, would delete). {@code skipped} says why
 * it did not run at all for the tenant, when it did not.
 */
public record RetentionReport(Map<UUID, Retention.Rule> kept, List<UUID> deleted, boolean dryRun, String skipped) {
    public RetentionReport {
        kept = Map.copyOf(kept);
        deleted = List.copyOf(deleted);
    }

    public boolean ran() {
        return skipped == null;
    }
}
