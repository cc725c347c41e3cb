package app.strongroom.web.api.staff;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to start: a job, for every tenant or for one. */
@Schema(name = "StartJob")
public record StartJobJson(
        @Schema(description = "backup, retention, replication or drill", required = true, example = "backup") String job,
        @Schema(description = "A tenant's short name; absent for every tenant", nullable = true, example = "acme")
        String tenant) {
}
