package app.strongroom.batch.progress;

import app.strongroom.jobs.JobName;
import app.strongroom.jobs.JobProgress;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Tracks every execution of a platform job from its start, however it was started (the schedule, the console, a
 * resumed run, a restart), so the console lists it. Every job XML names it: {@code <listener ref="jobTracking"/>}.
 */
@Named
@Dependent
public class JobTracking extends AbstractJobListener {
    @Inject
    JobContext job;
    @EJB
    JobProgress progress;

    @Override
    public void beforeJob() {
        JobName.of(job.getJobName()).ifPresent(name -> progress.track(job.getExecutionId(), name));
    }
}
