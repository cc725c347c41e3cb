package app.strongroom.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the tenant administrator sees of the safety of the company's data; never a key, a path or a credential. */
public record TrustReport(List<KeptBackup> backups, List<SiteSummary> sites, Optional<LastDrill> lastDrill, KeyStatus key,
                          Map<String, Integer> safeCopiesPerContinent) {
    public TrustReport {
        backups = List.copyOf(backups);
        sites = List.copyOf(sites);
        safeCopiesPerContinent = Map.copyOf(safeCopiesPerContinent);
    }

    /** A kept backup: when, how big, which retention rule keeps it, and its copies. */
    public record KeptBackup(Instant madeAt, long sizeBytes, String rule, boolean safe, List<CopyView> copies) {
        public KeptBackup {
            copies = List.copyOf(copies);
        }
    }

    /** One copy: the site, its continent, and when it was last verified (empty when it is not, with why). */
    public record CopyView(String site, String continent, Optional<Instant> verifiedAt, Optional<String> problem) {
    }

    /** A site as the tenant sees it. */
    public record SiteSummary(String name, String continent, String region) {
    }

    public record LastDrill(Instant at, boolean passed, Optional<Duration> restoreTime, Optional<String> site,
                            Optional<Instant> backupMadeAt, Optional<String> failure) {
    }

    /** The data key's version (1 for the first key, one more for each rotation) and its dates. */
    public record KeyStatus(int version, Instant createdAt, Instant lastRotatedAt) {
    }
}
