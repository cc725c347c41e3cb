package app.strongroom.jobs;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/** How an execution the batch runtime reports becomes what the console shows, and which actions its state allows. */
final class JobViews {
    private JobViews() {
    }

    /**
     * {@code newestOfInstance}: no later execution carries this one's job instance on (the batch runtime restarts only
     * the newest). Restarting is the console's only for jobs it starts; the restore job is restarted by its own use case.
     */
    static JobExecutionView of(JobExecution execution, JobName job, Optional<JobProgressView> progress,
                               List<String> failures, boolean newestOfInstance) {
        BatchStatus status = execution.getBatchStatus();
        boolean running = JobConsole.isRunning(status);
        boolean resumable = JobConsole.isResumable(status) && newestOfInstance;
        return new JobExecutionView(execution.getExecutionId(), job.xmlName(), status.name(),
                instant(execution.getStartTime()), running ? Optional.empty() : instant(execution.getEndTime()),
                parameters(execution.getJobParameters()), progress,
                failures.isEmpty() && status == BatchStatus.FAILED ? informative(execution.getExitStatus()) : failures,
                running, resumable && job.startableByStaff(), resumable);
    }

    private static Optional<java.time.Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    private static Map<String, String> parameters(Properties properties) {
        Map<String, String> parameters = new TreeMap<>();
        if (properties != null) {
            properties.stringPropertyNames().forEach(name -> parameters.put(name, properties.getProperty(name)));
        }
        return parameters;
    }

    /** An exit status that says more than the status itself (which the runtime puts there when nobody set one). */
    private static List<String> informative(String exitStatus) {
        if (exitStatus == null || exitStatus.isBlank()) {
            return List.of();
        }
        for (BatchStatus status : BatchStatus.values()) {
            if (status.name().equals(exitStatus)) {
                return List.of();
            }
        }
        return List.of(exitStatus);
    }
}
