package app.strongroom.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of a platform job as the console shows it. {@code status} is the Jakarta Batch status name
 * ({@code STARTING}, {@code STARTED}, {@code STOPPING}, {@code STOPPED}, {@code FAILED}, {@code COMPLETED},
 * {@code ABANDONED}); {@code failures} has one line "tenant &lt;slug&gt;: &lt;reason&gt;" per tenant whose work failed in
 * this execution (for a failed one without such lines, its exit status when that says more); parameters are
 * sorted by name; the three flags say which operator actions its state allows.
 */
public record JobExecutionView(long id, String job, String status, Optional<Instant> started, Optional<Instant> ended,
                               Map<String, String> parameters, Optional<JobProgressView> progress,
                               List<String> failures, boolean stoppable, boolean restartable, boolean abandonable) {
    public JobExecutionView {
        parameters = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(parameters));
        failures = List.copyOf(failures);
    }

    /** From start to end; empty until it has ended (a running execution's time so far is the viewer's to work out). */
    public Optional<Duration> duration() {
        return started.flatMap(start -> ended.map(end -> Duration.between(start, end)));
    }
}
