package app.strongroom.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JobViewsTest {
    private static final Instant START = Instant.parse("2025-03-01T02:00:00Z");
    private static final Instant END = START.plusSeconds(95);

    @Test
    void aFinishedExecutionShowsItsTimesDurationSortedParametersAndProgress() {
        Properties parameters = new Properties();
        parameters.setProperty("tenant", "t-1");
        parameters.setProperty("run", "r-1");
        JobExecutionView view = JobViews.of(execution(7, BatchStatus.COMPLETED, "COMPLETED", END, parameters),
                JobName.BACKUP, Optional.of(new JobProgressView(3, 3, 4096)), List.of(), true);
        assertThat(view.id()).isEqualTo(7);
        assertThat(view.job()).isEqualTo("backup");
        assertThat(view.status()).isEqualTo("COMPLETED");
        assertThat(view.started()).contains(START);
        assertThat(view.ended()).contains(END);
        assertThat(view.duration()).contains(Duration.ofSeconds(95));
        assertThat(view.parameters().keySet()).containsExactly("run", "tenant");
        assertThat(view.progress()).contains(new JobProgressView(3, 3, 4096));
        assertThat(view.failures()).isEmpty();
        assertThat(view.stoppable()).isFalse();
        assertThat(view.restartable()).as("a completed execution is not restarted").isFalse();
        assertThat(view.abandonable()).isFalse();
    }

    @Test
    void aRunningExecutionMayBeStoppedOnlyAndHasNoDurationYet() {
        for (BatchStatus running : List.of(BatchStatus.STARTING, BatchStatus.STARTED)) {
            JobExecutionView view = JobViews.of(execution(8, running, null, null, null), JobName.DRILL,
                    Optional.of(new JobProgressView(1, 4, 0)), List.of(), true);
            assertThat(view.stoppable()).isTrue();
            assertThat(view.restartable()).isFalse();
            assertThat(view.abandonable()).isFalse();
            assertThat(view.ended()).isEmpty();
            assertThat(view.duration()).isEmpty();
            assertThat(view.parameters()).isEmpty();
        }
    }

    @Test
    void aFailedOrStoppedExecutionMayBeRestartedOrAbandonedUnlessALaterOneCarriedItOn() {
        for (BatchStatus over : List.of(BatchStatus.FAILED, BatchStatus.STOPPED)) {
            JobExecutionView newest = JobViews.of(execution(9, over, over.name(), END, null), JobName.BACKUP,
                    Optional.empty(), List.of(), true);
            assertThat(newest.restartable()).isTrue();
            assertThat(newest.abandonable()).isTrue();
            assertThat(newest.stoppable()).isFalse();
            JobExecutionView superseded = JobViews.of(execution(9, over, over.name(), END, null), JobName.BACKUP,
                    Optional.empty(), List.of(), false);
            assertThat(superseded.restartable()).isFalse();
            assertThat(superseded.abandonable()).isFalse();
        }
        for (BatchStatus notResumable : List.of(BatchStatus.COMPLETED, BatchStatus.ABANDONED, BatchStatus.STOPPING)) {
            JobExecutionView view = JobViews.of(execution(9, notResumable, null, END, null), JobName.BACKUP,
                    Optional.empty(), List.of(), true);
            assertThat(view.restartable()).as(notResumable.name()).isFalse();
            assertThat(view.abandonable()).as(notResumable.name()).isFalse();
        }
    }

    @Test
    void theConsoleDoesNotRestartARestoreButMayAbandonOne() {
        JobExecutionView view = JobViews.of(execution(10, BatchStatus.FAILED, "FAILED", END, null), JobName.RESTORE,
                Optional.empty(), List.of(), true);
        assertThat(view.restartable()).isFalse();
        assertThat(view.abandonable()).isTrue();
    }

    @Test
    void aFailedExecutionNamesItsTenantsOrElseWhatItsExitStatusSays() {
        List<String> lines = List.of("tenant acme: the backup location is full: No space left on device");
        assertThat(JobViews.of(execution(11, BatchStatus.FAILED, "1 tenant(s) failed: …", END, null), JobName.BACKUP,
                Optional.empty(), lines, true).failures()).isEqualTo(lines);
        assertThat(JobViews.of(execution(12, BatchStatus.FAILED, "catalog backup: disk full", END, null),
                JobName.BACKUP, Optional.empty(), List.of(), true).failures()).containsExactly("catalog backup: disk full");
        assertThat(JobViews.of(execution(13, BatchStatus.FAILED, "FAILED", END, null), JobName.BACKUP,
                Optional.empty(), List.of(), true).failures()).as("the status again says nothing more").isEmpty();
        assertThat(JobViews.of(execution(14, BatchStatus.COMPLETED, "drill failed", END, null), JobName.DRILL,
                Optional.empty(), List.of("tenant acme: drill failed: x"), true).failures())
                .as("a drill's finding is shown though the drill completed").containsExactly("tenant acme: drill failed: x");
    }

    private static JobExecution execution(long id, BatchStatus status, String exitStatus, Instant end, Properties parameters) {
        return new JobExecution() {
            @Override
            public long getExecutionId() {
                return id;
            }

            @Override
            public String getJobName() {
                return "backup";
            }

            @Override
            public BatchStatus getBatchStatus() {
                return status;
            }

            @Override
            public Date getStartTime() {
                return Date.from(START);
            }

            @Override
            public Date getEndTime() {
                return end == null ? null : Date.from(end);
            }

            @Override
            public String getExitStatus() {
                return exitStatus;
            }

            @Override
            public Date getCreateTime() {
                return Date.from(START);
            }

            @Override
            public Date getLastUpdatedTime() {
                return Date.from(START);
            }

            @Override
            public Properties getJobParameters() {
                return parameters;
            }
        };
    }
}
