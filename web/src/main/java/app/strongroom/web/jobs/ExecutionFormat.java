package app.strongroom.web.jobs;

import app.strongroom.jobs.JobExecutionView;
import app.strongroom.jobs.JobProgressView;
import app.strongroom.web.Durations;
import app.strongroom.web.Messages;
import app.strongroom.web.Units;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/** An execution's figures in words for the page: its progress, how long it took (or has run so far), its parameters. */
@Named
@ApplicationScoped
public class ExecutionFormat {
    public int percent(JobExecutionView execution) {
        return execution.progress().map(JobProgressView::percent).orElse(0);
    }

    /** "3 of 10 done, 45 MB"; empty for an execution that reported nothing. */
    public String progress(JobExecutionView execution) {
        return execution.progress().map(p -> Messages.text("jobs.progress", p.tenantsDone(), p.tenantsTotal(),
                Units.human(p.bytes()))).orElse("");
    }

    /** How long it took; for one still running, how long so far. */
    public String duration(JobExecutionView execution) {
        if (execution.duration().isPresent()) {
            return Durations.human(execution.duration().get().toNanos());
        }
        return execution.started().filter(start -> execution.stoppable())
                .map(start -> Messages.text("jobs.runningFor",
                        Durations.human(Duration.between(start, Instant.now()).toNanos())))
                .orElse("");
    }

    /** "name=value" pairs, in the order of their names. */
    public String parameters(JobExecutionView execution) {
        return execution.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
