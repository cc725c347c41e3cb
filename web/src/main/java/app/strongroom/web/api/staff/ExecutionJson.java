package app.strongroom.web.api.staff;

import app.strongroom.jobs.JobExecutionView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One execution of a platform job. */
@Schema(name = "Execution", description = "One execution of a platform job")
public record ExecutionJson(
        @Schema(description = "The execution id") long id,
        @Schema(description = "backup, retention, replication, drill or restore") String job,
        @Schema(description = "Jakarta Batch status: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED")
        String status,
        @Schema(description = "Whether it has ended (COMPLETED, FAILED, STOPPED or ABANDONED)") boolean finished,
        @Schema(description = "When it started", nullable = true) Instant started,
        @Schema(description = "When it ended", nullable = true) Instant ended,
        @Schema(description = "From start to end, in seconds, once ended", nullable = true) Long durationSeconds,
        @Schema(description = "Its job parameters, by name") Map<String, String> parameters,
        @Schema(description = "How far it has come", nullable = true) ProgressJson progress,
        @Schema(description = "One line per tenant whose work failed: \"tenant <slug>: <reason>\"") List<String> failures,
        @Schema(description = "Whether it can be stopped now") boolean stoppable,
        @Schema(description = "Whether it can be restarted from its checkpoint now") boolean restartable,
        @Schema(description = "Whether it can be abandoned now") boolean abandonable) {
    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    static ExecutionJson of(JobExecutionView view) {
        return new ExecutionJson(view.id(), view.job(), view.status(), FINISHED.contains(view.status()),
                view.started().orElse(null), view.ended().orElse(null),
                view.duration().map(Duration::toSeconds).orElse(null), view.parameters(),
                view.progress().map(ProgressJson::of).orElse(null), view.failures(), view.stoppable(),
                view.restartable(), view.abandonable());
    }
}
