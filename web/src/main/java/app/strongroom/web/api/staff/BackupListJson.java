package app.strongroom.web.api.staff;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's kept backups, newest first. */
@Schema(name = "BackupList")
public record BackupListJson(@Schema(description = "The tenant's short name") String tenant,
                             @Schema(description = "Newest first") List<BackupJson> backups) {
}
