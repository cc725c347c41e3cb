package app.strongroom.restore;

import app.strongroom.catalog.restore.RestoreMode;
import app.strongroom.catalog.restore.RestoreRun;
import app.strongroom.catalog.restore.RestoreState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A restore as the helpdesk and the tenant's administrator see it. */
public record RestoreView(UUID id, Instant backupTakenAt, RestoreMode mode, String reason, String requestedBy,
                          Instant requestedAt, RestoreState state, Optional<Duration> duration,
                          Optional<Integer> migratedFrom, Optional<UUID> safetyBackup, Optional<String> failure,
                          boolean openSide) {
    static RestoreView of(RestoreRun run) {
        return new RestoreView(run.id(), run.backupTakenAt(), run.mode(), run.reason(), run.requestedBy(),
                run.requestedAt(), run.state(), run.duration(), run.migratedFromVersion(), run.safetyBackupId(),
                run.failure(), run.isOpenSide());
    }

    /**
     * As the tenant sees it: without the failure's reason, which can name the platform's servers and databases; the
     * helpdesk that asked for the restore has it.
     */
    RestoreView withoutFailureReason() {
        return new RestoreView(id, backupTakenAt, mode, reason, requestedBy, requestedAt, state, duration, migratedFrom,
                safetyBackup, Optional.empty(), openSide);
    }
}
