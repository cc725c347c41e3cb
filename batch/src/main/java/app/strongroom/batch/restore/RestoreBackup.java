package app.strongroom.batch.restore;

import app.strongroom.catalog.restore.RestoreRun;
import app.strongroom.catalog.restore.RestoreState;
import app.strongroom.restore.RestoreService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** Carries out the job's restore; a failed restore fails the job, with the restore's reason as its exit status. */
@Named
@Dependent
public class RestoreBackup extends AbstractBatchlet {
    @Inject
    @BatchProperty
    String restore;
    @Inject
    JobContext job;
    @EJB
    RestoreService restores;

    @Override
    public String process() {
        RestoreRun run = restores.perform(UUID.fromString(restore));
        if (run.state() != RestoreState.DONE) {
            String reason = run.failure().orElse("the restore is " + run.state());
            job.setExitStatus("FAILED " + reason);
            throw new IllegalStateException("restore " + run.id() + " failed: " + reason);
        }
        return "DONE " + run.mode();
    }
}
