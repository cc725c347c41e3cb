package app.strongroom.jobs;

import app.strongroom.backup.BackupJobs;
import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.TenantSlug;
import app.strongroom.catalog.TenantStatus;
import app.strongroom.drill.DrillJobs;
import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import app.strongroom.sites.ReplicationJobs;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The batch console (U3): every platform job's executions, newest first, with their progress and failures, and the
 * operators' actions on them. Only platform operators may use it (they run the jobs); every action is in the
 * platform's audit trail with who did it.
 */
@Stateless
@RolesAllowed(Role.Names.PLATFORM_OPERATOR)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobConsole {
    public static final String JOB_STARTED = "JOB_STARTED";
    public static final String JOB_STOPPED = "JOB_STOPPED";
    public static final String JOB_RESTARTED = "JOB_RESTARTED";
    public static final String JOB_ABANDONED = "JOB_ABANDONED";
    private static final Set<BatchStatus> RUNNING = Set.of(BatchStatus.STARTING, BatchStatus.STARTED);
    private static final Set<BatchStatus> RESUMABLE = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED);

    @EJB
    TenantCatalog tenants;
    @EJB
    BackupJobs backups;
    @EJB
    ReplicationJobs replication;
    @EJB
    DrillJobs drills;
    @EJB
    JobProgress progress;
    @EJB
    app.strongroom.platform.PlatformAudit audit;
    @Resource
    SessionContext session;

    /** Executions of one job, or of every job, newest first: {@code count} of them from the {@code first}. */
    public ExecutionPage executions(Optional<JobName> job, int first, int count) {
        if (first < 0 || count < 1 || count > 500) {
            throw new JobRefusedException("a page starts at 0 or later and holds 1 to 500 executions");
        }
        JobHistory page = progress.history(job, first, count);
        return new ExecutionPage(page.executionIds().stream().map(this::find).flatMap(Optional::stream).toList(),
                page.total());
    }

    public Optional<JobExecutionView> find(long executionId) {
        JobOperator operator = operator();
        JobExecution execution;
        try {
            execution = operator.getJobExecution(executionId);
        } catch (NoSuchJobExecutionException | JobSecurityException unknown) {
            return Optional.empty();
        }
        if (execution == null || JobName.of(execution.getJobName()).isEmpty()) {
            return Optional.empty();
        }
        JobName job = JobName.of(execution.getJobName()).orElseThrow();
        boolean newestOfInstance = newestOfItsInstance(operator, executionId);
        return Optional.of(JobViews.of(execution, job, progress.of(executionId), progress.failureLines(executionId),
                newestOfInstance));
    }

    /** Starts {@code job} for every tenant, or for the one named; returns the new execution's id. */
    public long start(JobName job, Optional<TenantSlug> tenant) {
        if (!job.startableByStaff()) {
            throw new JobRefusedException("the " + job.xmlName() + " job is started from its own page, not the console");
        }
        Optional<TenantId> id = tenant.map(this::activeTenant);
        long execution;
        switch (job) {
            case BACKUP -> execution = backups.startBackup(id);
            case RETENTION -> execution = backups.startRetention(id, false);
            case DRILL -> execution = drills.start(id, Optional.empty());
            case REPLICATION -> {
                if (id.isPresent()) {
                    throw new JobRefusedException("replication copies every tenant's backups to the sites; it cannot"
                            + " be started for one tenant");
                }
                execution = replication.start(List.of(), false);
            }
            default -> throw new JobRefusedException("the " + job.xmlName() + " job cannot be started here");
        }
        progress.track(execution, job);
        audit.record(JOB_STARTED, operatorLogin(), job.xmlName() + " execution " + execution + " for "
                + tenant.map(slug -> "tenant " + slug.value()).orElse("every tenant"));
        return execution;
    }

    /** Asks a running execution to stop: the work in hand is finished, nothing new is begun. */
    public void stop(long executionId) {
        JobExecutionView view = existing(executionId);
        refuseOwnPageJob(view, "stopped");
        if (!view.stoppable()) {
            throw new JobRefusedException("execution " + executionId + " is " + view.status() + ", not running: there is"
                    + " nothing to stop");
        }
        try {
            operator().stop(executionId);
        } catch (jakarta.batch.operations.JobExecutionNotRunningException finished) {
            throw new JobRefusedException("execution " + executionId + " finished before it could be stopped");
        }
        handOverRun(view);
        audit.record(JOB_STOPPED, operatorLogin(), view.job() + " execution " + executionId);
    }

    /**
     * Carries a failed or stopped execution on from its checkpoint, with the parameters it had; returns the new
     * execution's id. Work the earlier executions finished is not done again.
     */
    public long restart(long executionId) {
        JobExecutionView view = existing(executionId);
        if (!view.restartable()) {
            throw new JobRefusedException("execution " + executionId + " is " + view.status() + restartHint(view));
        }
        JobOperator operator = operator();
        Properties parameters = operator.getParameters(executionId);
        long restarted;
        try {
            restarted = operator.restart(executionId, parameters == null ? new Properties() : parameters);
        } catch (jakarta.batch.operations.JobRestartException | jakarta.batch.operations.JobExecutionAlreadyCompleteException
                 | jakarta.batch.operations.JobExecutionNotMostRecentException e) {
            throw new JobRefusedException("execution " + executionId + " cannot be restarted: " + e.getMessage());
        }
        progress.track(restarted, JobName.of(view.job()).orElseThrow());
        audit.record(JOB_RESTARTED, operatorLogin(), view.job() + " execution " + executionId + " restarted as "
                + restarted);
        return restarted;
    }

    /** Gives a failed or stopped execution up for good: it can no longer be restarted. */
    public void abandon(long executionId) {
        JobExecutionView view = existing(executionId);
        refuseOwnPageJob(view, "abandoned");
        if (!view.abandonable()) {
            throw new JobRefusedException("execution " + executionId + " is " + view.status()
                    + ": only a failed or stopped execution can be abandoned");
        }
        try {
            operator().abandon(executionId);
        } catch (jakarta.batch.operations.JobExecutionIsRunningException running) {
            throw new JobRefusedException("execution " + executionId + " is running: stop it first");
        }
        handOverRun(view);
        audit.record(JOB_ABANDONED, operatorLogin(), view.job() + " execution " + executionId);
    }

    /** A backup run an operator stopped or gave up is theirs: the crash watch does not resume it behind their back. */
    private void handOverRun(JobExecutionView view) {
        if (JobName.BACKUP.xmlName().equals(view.job()) && view.parameters().containsKey("run")) {
            backups.handOver(view.parameters().get("run"));
        }
    }

    /**
     * A restore half-way through a database swap must run to its end or be undone by its recovery, never be cut off by
     * a stop whose batchlet would leave the tenant in maintenance with nobody owning it.
     */
    private static void refuseOwnPageJob(JobExecutionView view, String what) {
        if (JobName.of(view.job()).filter(JobName::startableByStaff).isEmpty()) {
            throw new JobRefusedException("the " + view.job() + " job runs to its end or is undone; it cannot be "
                    + what + " from the console");
        }
    }

    private static String restartHint(JobExecutionView view) {
        if (JobName.of(view.job()).filter(JobName::startableByStaff).isEmpty()) {
            return ": the " + view.job() + " job is restarted from its own page, not the console";
        }
        return RESUMABLE.contains(BatchStatus.valueOf(view.status()))
                ? ": a later execution has carried it on already; restart that one"
                : ": only a failed or stopped execution can be restarted";
    }

    private JobExecutionView existing(long executionId) {
        return find(executionId).orElseThrow(() -> new JobRefusedException("there is no job execution " + executionId));
    }

    private TenantId activeTenant(TenantSlug slug) {
        return tenants.findBySlug(slug).filter(t -> t.status() == TenantStatus.ACTIVE).map(Tenant::id)
                .orElseThrow(() -> new JobRefusedException("there is no active tenant with the short name \""
                        + slug.value() + "\""));
    }

    private static boolean newestOfItsInstance(JobOperator operator, long executionId) {
        JobInstance instance = operator.getJobInstance(executionId);
        return operator.getJobExecutions(instance).stream().map(JobExecution::getExecutionId)
                .max(Comparator.naturalOrder()).map(newest -> newest == executionId).orElse(false);
    }

    private String operatorLogin() {
        return Caller.of(session.getCallerPrincipal()) instanceof Caller.Staff staff ? staff.login() : null;
    }

    static boolean isRunning(BatchStatus status) {
        return RUNNING.contains(status);
    }

    static boolean isResumable(BatchStatus status) {
        return RESUMABLE.contains(status);
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
