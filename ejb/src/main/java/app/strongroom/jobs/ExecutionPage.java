package app.strongroom.jobs;

import java.util.List;

/** One page of job executions, newest first, and how many there are in all. */
public record ExecutionPage(List<JobExecutionView> executions, long total) {
    public ExecutionPage {
        executions = List.copyOf(executions);
    }
}
