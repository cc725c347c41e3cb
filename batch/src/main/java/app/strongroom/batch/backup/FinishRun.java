package app.strongroom.batch.backup;

import app.strongroom.backup.BackupRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Marks the run finished: from now on nobody resumes it. */
@Named
@Dependent
public class FinishRun extends AbstractBatchlet {
    @Inject
    @BatchProperty
    String run;
    @EJB
    BackupRuns runs;

    @Override
    public String process() {
        runs.finish(run);
        return "FINISHED";
    }
}
