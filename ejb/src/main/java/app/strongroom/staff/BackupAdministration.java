package app.strongroom.staff;

import app.strongroom.backup.BackupCatalog;
import app.strongroom.backup.BackupJobs;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What staff see of backups and may do with them: per-tenant state, "Back up now", the last job runs. */
@Stateless
@RolesAllowed({Role.Names.PLATFORM_OPERATOR, Role.Names.PLATFORM_HELPDESK})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupAdministration {
    private static final List<String> JOBS = List.of(BackupJobs.BACKUP, BackupJobs.RETENTION,
            app.strongroom.sites.ReplicationJobs.REPLICATION, app.strongroom.drill.DrillJobs.DRILL);

    @EJB
    BackupCatalog backups;
    @EJB
    BackupJobs jobs;
    @EJB
    TenantCatalog tenants;

    /** The tenant's newest good backup and how many are kept. */
    public BackupSummary summary(TenantId tenant) {
        List<Backup> good = backups.good(tenant);
        Optional<Backup> newest = good.stream().findFirst();
        return new BackupSummary(newest.map(Backup::startedAt), newest.flatMap(Backup::size), good.size(),
                backups.of(tenant).stream().findFirst().filter(b -> !b.isGood()).flatMap(Backup::failure));
    }

    /** Every tenant's summary at once (tenant id text to summary), from one query, for the staff's tenant list. */
    public java.util.Map<String, BackupSummary> summaries() {
        java.util.Map<String, List<Backup>> byTenant = new java.util.HashMap<>();
        for (Backup b : backups.allGood()) {
            byTenant.computeIfAbsent(b.tenant().value().toString(), k -> new ArrayList<>()).add(b);
        }
        java.util.Map<String, BackupSummary> summaries = new java.util.HashMap<>();
        byTenant.forEach((tenant, good) -> {
            Backup newest = good.stream().max(Comparator.comparing(Backup::startedAt)).orElseThrow();
            summaries.put(tenant, new BackupSummary(Optional.of(newest.startedAt()), newest.size(), good.size(),
                    Optional.empty()));
        });
        return summaries;
    }

    /** Starts a backup of the one tenant now; returns the job execution id, or empty if there is no such tenant. */
    public Optional<Long> backUpNow(TenantId tenant) {
        if (tenants.find(tenant).filter(t -> t.status() == app.strongroom.catalog.TenantStatus.ACTIVE).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(jobs.startBackup(Optional.of(tenant)));
    }

    /** Starts a run of every tenant (and the catalog) now; operators only. Returns the job execution id. */
    @RolesAllowed(Role.Names.PLATFORM_OPERATOR)
    public long backUpAll() {
        return jobs.startBackup(Optional.empty());
    }

    /** The newest executions of each platform job, newest first. */
    public List<JobRun> recentRuns(int perJob) {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<JobRun> runs = new ArrayList<>();
        for (String job : JOBS) {
            if (!operator.getJobNames().contains(job)) {
                continue;
            }
            for (JobInstance instance : operator.getJobInstances(job, 0, perJob)) {
                for (JobExecution e : operator.getJobExecutions(instance)) {
                    runs.add(new JobRun(job, e.getExecutionId(), e.getBatchStatus().name(),
                            Optional.ofNullable(e.getStartTime()).map(java.util.Date::toInstant),
                            Optional.ofNullable(e.getEndTime()).map(java.util.Date::toInstant),
                            Optional.ofNullable(e.getExitStatus()).orElse("")));
                }
            }
        }
        runs.sort(Comparator.comparing((JobRun r) -> r.executionId()).reversed());
        return runs;
    }

    /** Backups of one tenant at a glance. {@code lastFailure}: why the newest attempt failed, if it did. */
    public record BackupSummary(Optional<Instant> newestAt, Optional<Long> newestSize, int kept,
                                Optional<String> lastFailure) {
    }

    /** One execution of a platform job. */
    public record JobRun(String job, long executionId, String status, Optional<Instant> startedAt,
                         Optional<Instant> endedAt, String exitStatus) {
    }
}
