package app.strongroom.batch;

import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import java.util.List;
import java.util.Properties;

/** Partition plans of the platform's jobs: one partition per item (a tenant, a site), each given as one property. */
public final class Partitions {
    private Partitions() {
    }

    /**
     * One partition per item, the item in the partition property {@code property}, at most {@code threads} at once. A
     * plan needs one partition at least: with no items, one gets the empty string and does nothing.
     */
    public static PartitionPlan of(List<String> items, String property, int threads) {
        List<String> work = items.isEmpty() ? List.of("") : items;
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(work.size());
        plan.setThreads(Math.max(1, Math.min(work.size(), threads)));
        plan.setPartitionProperties(work.stream().map(item -> {
            Properties p = new Properties();
            p.setProperty(property, item);
            return p;
        }).toArray(Properties[]::new));
        return plan;
    }
}
