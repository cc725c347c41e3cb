package app.strongroom.drill;

import java.time.Duration;
import java.util.UUID;

/** How one tenant's drill ended. */
public sealed interface DrillOutcome {
    /** The backup restored whole from the site: every digest and row count as the manifest says. */
    record Passed(UUID backup, String site, Duration restore, long rows) implements DrillOutcome {
    }

    /** It did not; the reason names the backup and the site. An alarm is open. */
    record Failed(String reason) implements DrillOutcome {
    }

    /** The tenant has no safe backup yet (the recovery point watch speaks for that). */
    record NothingToDrill(String why) implements DrillOutcome {
    }
}
