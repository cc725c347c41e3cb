package app.strongroom.batch.sites;

import app.strongroom.batch.Partitions;
import app.strongroom.batch.progress.Progress;
import app.strongroom.sites.PassOutcome;
import app.strongroom.sites.SiteReplication;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One pass over the partition's site. A site that fails does not fail the step: its state records why and when it is
 * tried again, and the other sites' partitions go on. {@code skip=true} (a retention dry run) does nothing. With
 * {@code reportProgress} (the replication job's own step) each backup looked at counts on the console, with the bytes
 * copied.
 */
@Named
@Dependent
public class ReplicateSite extends AbstractBatchlet {
    @Inject
    @BatchProperty
    String site;
    @Inject
    @BatchProperty
    String reverify;
    @Inject
    @BatchProperty
    String skip;
    @Inject
    @BatchProperty
    String reportProgress;
    @Inject
    @BatchProperty
    String execution;
    @EJB
    SiteReplication replication;
    @Inject
    Progress progress;

    @Override
    public String process() {
        if (site == null || site.isBlank() || Boolean.parseBoolean(skip)) {
            return "NOTHING_TO_DO";
        }
        PassOutcome outcome = replication.pass(site, Boolean.parseBoolean(reverify),
                progress.sink(Boolean.parseBoolean(reportProgress) ? Partitions.execution(execution) : 0));
        if (outcome instanceof PassOutcome.Done done) {
            return "DONE copied=" + done.copied() + " reverified=" + done.reverified() + " deleted=" + done.deleted();
        }
        return outcome instanceof PassOutcome.Failed failed ? "SITE_FAILED " + failed.reason() : "BUSY";
    }
}
