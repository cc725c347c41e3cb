package app.strongroom.web.jobs;

import app.strongroom.catalog.TenantSlug;
import app.strongroom.jobs.JobConsole;
import app.strongroom.jobs.JobName;
import app.strongroom.jobs.JobRefusedException;
import app.strongroom.web.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The operators' buttons: start a job for every tenant or the one named by its short name, stop, restart, abandon.
 * The console checks every action again (an execution may have moved on since the page was drawn) and refuses with
 * a reason, shown on the page; nothing is done then.
 */
@Named
@RequestScoped
public class JobActions {
    private static final String AGAIN = "/staff/jobs?faces-redirect=true&includeViewParams=true";

    @EJB
    JobConsole console;
    @jakarta.inject.Inject
    JobsPage page;

    private String job = JobName.BACKUP.xmlName();
    private String tenant;

    public List<JobName> getStartable() {
        return java.util.Arrays.stream(JobName.values()).filter(JobName::startableByStaff).toList();
    }

    public String start() {
        Optional<JobName> name = JobName.of(job).filter(JobName::startableByStaff);
        if (name.isEmpty()) {
            Messages.fieldError("start:job", Messages.text("jobs.start.unknownJob"));
            return null;
        }
        Optional<TenantSlug> slug = Optional.ofNullable(tenant).filter(t -> !t.isBlank()).map(String::strip)
                .map(t -> TenantSlug.parse(t).orElse(null));
        if (tenant != null && !tenant.isBlank() && slug.isEmpty()) {
            Messages.fieldError("start:tenant", Messages.text("jobs.start.badSlug"));
            return null;
        }
        try {
            long execution = console.start(name.get(), slug);
            Messages.infoAfterRedirect("jobs.jobStarted", name.get().xmlName(), execution);
            return AGAIN;
        } catch (JobRefusedException refused) {
            Messages.error("jobs.refused", refused.getMessage());
            return null;
        }
    }

    public String stop(long execution) {
        return act("jobs.stopping", execution, () -> {
            console.stop(execution);
            return execution;
        });
    }

    public String restart(long execution) {
        return act("jobs.restarted", execution, () -> console.restart(execution));
    }

    public String abandon(long execution) {
        return act("jobs.abandoned", execution, () -> {
            console.abandon(execution);
            return execution;
        });
    }

    private String act(String done, long execution, LongSupplier action) {
        try {
            Messages.infoAfterRedirect(done, execution, action.getAsLong());
            return AGAIN;
        } catch (JobRefusedException refused) {
            Messages.error("jobs.refused", refused.getMessage());
            page.refresh();
            return null;
        }
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }
}
