package app.strongroom.batch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.api.partition.PartitionPlan;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionsTest {
    @Test
    void eachItemIsAPartitionThatKnowsTheExecutionItWorksFor() {
        PartitionPlan plan = Partitions.of(List.of("a", "b", "c"), "tenantId", 2, 41);
        assertThat(plan.getPartitions()).isEqualTo(3);
        assertThat(plan.getThreads()).isEqualTo(2);
        assertThat(Arrays.stream(plan.getPartitionProperties()).map(p -> p.getProperty("tenantId")))
                .containsExactly("a", "b", "c");
        assertThat(Arrays.stream(plan.getPartitionProperties()).map(p -> p.getProperty(Partitions.EXECUTION)))
                .containsOnly("41");
        assertThat(plan.getPartitionsOverride()).as("a restart plans afresh for its own execution").isTrue();
    }

    @Test
    void noItemsIsOneEmptyPartitionAndThreadsNeverExceedTheWork() {
        PartitionPlan plan = Partitions.of(List.of(), "site", 5, 3);
        assertThat(plan.getPartitions()).isEqualTo(1);
        assertThat(plan.getThreads()).isEqualTo(1);
        assertThat(plan.getPartitionProperties()[0].getProperty("site")).isEmpty();
    }

    @Test
    void aMissingOrGarbledExecutionPropertyIsNoExecution() {
        assertThat(Partitions.execution("41")).isEqualTo(41);
        assertThat(Partitions.execution(" 41 ")).isEqualTo(41);
        assertThat(Partitions.execution(null)).isZero();
        assertThat(Partitions.execution("")).isZero();
        assertThat(Partitions.execution("x")).isZero();
    }
}
