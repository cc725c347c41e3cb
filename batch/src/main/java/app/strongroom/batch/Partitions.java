package app.strongroom.batch;

import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import java.util.List;
import java.util.Properties;

/**
 * Partition plans of the platform's jobs: one partition per item (a tenant, a site), each given as one property, and
 * the job execution's id as property {@code execution}, so a partition reports its progress to the execution staff
 * watch (inside a partition the batch runtime's job context may name a sub-job of its own).
 */
public final class Partitions {
    /** The partition property holding the id of the job execution the partition works for. */
    public static final String EXECUTION = "execution";

    private Partitions() {
    }

    /**
     * One partition per item, the item in the partition property {@code property}, at most {@code threads} at once. A
     * plan needs one partition at least: with no items, one gets the empty string and does nothing. The plan is made
     * afresh when an execution is restarted ({@code override}), so a restart works on what is there to do now, for the
     * restarted execution; the steps themselves skip what an earlier execution finished.
     */
    public static PartitionPlan of(List<String> items, String property, int threads, long executionId) {
        List<String> work = items.isEmpty() ? List.of("") : items;
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(work.size());
        plan.setThreads(Math.max(1, Math.min(work.size(), threads)));
        plan.setPartitionsOverride(true);
        plan.setPartitionProperties(work.stream().map(item -> {
            Properties p = new Properties();
            p.setProperty(property, item);
            p.setProperty(EXECUTION, Long.toString(executionId));
            return p;
        }).toArray(Properties[]::new));
        return plan;
    }

    /** The execution id a partition was given; 0 (tracked by nobody) when the property is missing. */
    public static long execution(String property) {
        try {
            return property == null || property.isBlank() ? 0 : Long.parseLong(property.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
