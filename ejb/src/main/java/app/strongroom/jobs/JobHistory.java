package app.strongroom.jobs;

import java.util.List;

/** A page of tracked executions' ids, newest first, and how many executions there are in all. */
public record JobHistory(List<Long> executionIds, long total) {
    public JobHistory {
        executionIds = List.copyOf(executionIds);
    }
}
