package app.strongroom.web.api.staff;

import app.strongroom.jobs.JobProgressView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far an execution has come. */
@Schema(name = "Progress")
public record ProgressJson(
        @Schema(description = "Units of work done: tenants (for replication, objects to copy)") long tenantsDone,
        @Schema(description = "Units of work in all; 0 while not yet known") long tenantsTotal,
        @Schema(description = "Bytes written or copied so far") long bytes,
        @Schema(description = "Whole percent done, 0 to 100") int percent) {
    static ProgressJson of(JobProgressView progress) {
        return new ProgressJson(progress.tenantsDone(), progress.tenantsTotal(), progress.bytes(), progress.percent());
    }
}
