package app.strongroom.web.api.staff;

import app.strongroom.staff.KeptBackups.KeptBackup;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One kept backup of a tenant. */
@Schema(name = "Backup", description = "A kept backup: when it was taken, its size, and where verified copies are")
public record BackupJson(
        @Schema(description = "The backup's id") String id,
        @Schema(description = "Its file name at every site") String name,
        @Schema(description = "When it was taken (UTC)") Instant takenAt,
        @Schema(description = "Its encrypted size in bytes", nullable = true) Long sizeBytes,
        @Schema(description = "GOOD for a kept backup") String state,
        @Schema(description = "Kept outside the retention rules (before a restore, say)") boolean pinned,
        @Schema(description = "Verified copies of it and of the tenant's key on 3 sites on 2 continents") boolean safe,
        @Schema(description = "Sites holding a verified copy") List<String> sites,
        @Schema(description = "Continents of those sites") List<String> continents) {
    static BackupJson of(KeptBackup backup) {
        return new BackupJson(backup.id().toString(), backup.fileName(), backup.takenAt(),
                backup.sizeBytes().orElse(null), backup.state(), backup.pinned(), backup.safe(),
                backup.sites().stream().sorted().toList(), backup.continents().stream().sorted().toList());
    }
}
