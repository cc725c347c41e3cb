package app.strongroom.drill;

import app.strongroom.alarm.Alarms;
import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.alarm.AlarmKind;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.catalog.drill.DrillRun;
import app.strongroom.platform.SqlIdentifier;
import app.strongroom.restore.BackupRestore;
import app.strongroom.restore.CorruptBackupException;
import app.strongroom.restore.RestoredBackup;
import app.strongroom.sites.BackupSafety;
import app.strongroom.sites.ReplicationJobs;
import app.strongroom.sites.SiteCopies;
import app.strongroom.sites.SiteRegistry;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.vault.location.ObjectKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drills one tenant: its newest safe backup, fetched from one of the sites holding it (a different one each day, so
 * every site is read in turn; never the home location, which a disaster may have taken), restored by
 * {@link BackupRestore} into a scratch database that is dropped afterwards. Pass or fail, result and restore time are
 * recorded; a failure opens an alarm, and a copy found damaged is marked corrupt, so the site's next pass replaces it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DrillService {
    private static final Logger LOG = Logger.getLogger(DrillService.class.getName());
    static final String SCRATCH_PREFIX = "drill_";
    static final java.time.Duration INTERRUPTED_AFTER = java.time.Duration.ofHours(6);

    @EJB
    TenantCatalog tenants;
    @EJB
    BackupSafety safety;
    @EJB
    BackupRestore restore;
    @EJB
    DrillRuns runs;
    @EJB
    SiteCopies copies;
    @EJB
    Alarms alarms;
    @EJB
    ReplicationJobs replication;
    @Inject
    SiteRegistry sites;


    /** Drills the tenant from the site of the day, or from {@code site} when one is named. */
    public DrillOutcome drill(TenantId tenantId, Optional<String> site, Clock clock) {
        Tenant tenant = tenants.get(tenantId);
        Optional<BackupSafety.Assessed> newest = safety.newestSafe(tenantId);
        if (newest.isEmpty()) {
            return new DrillOutcome.NothingToDrill("tenant " + tenant.slug() + " has no safe backup yet");
        }
        Backup backup = newest.get().backup();
        List<String> holding = newest.get().spread().sites().stream().sorted().toList();
        String from = site.orElseGet(() -> holding.get(Math.floorMod(LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .toEpochDay() + tenantId.value().hashCode(), holding.size())));
        sites.get(from);
        DrillRun run = runs.start(tenantId, backup.id(), from, clock);
        SqlIdentifier scratch = scratchDatabaseOf(run.id());
        RestoredBackup restored = null;
        RuntimeException failure = null;
        boolean created = false;
        try {
            restore.createDatabase(backup, scratch);
            created = true;
            restored = restore.restore(backup, from, scratch);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            // Dropped before the result is recorded: a drill that has finished has left nothing behind.
            if (created) {
                try {
                    restore.dropDatabase(tenantId, scratch);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the drill's scratch database " + scratch + " could not be dropped", e);
                }
            }
        }
        if (failure == null) {
            runs.passed(run.id(), restored.took(), restored.encryptedBytes(), restored.rows().size(),
                    restored.totalRows(), clock);
            alarms.clear(AlarmKind.DRILL_FAILED, tenant.slug().value(), clock);
            return new DrillOutcome.Passed(backup.id(), from, restored.took(), restored.totalRows());
        }
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        LOG.log(Level.SEVERE, "restore drill of tenant " + tenant.slug() + " failed: " + reason, failure);
        runs.failed(run.id(), reason, clock);
        alarms.raise(AlarmKind.DRILL_FAILED, tenant.slug().value(), "The restore drill of tenant "
                + tenant.slug() + " (" + tenantId.value() + ") failed: " + reason, clock);
        if (failure instanceof CorruptBackupException) {
            copies.foundCorrupt(from, ObjectKeys.backup(tenantId.value().toString(), backup.name()),
                    "the restore drill failed: " + reason);
            replication.start(List.of(from), false);
        }
        return new DrillOutcome.Failed(reason);
    }

    /** The scratch database of a drill is named after it, so one left by a killed server is known for what it is. */
    static SqlIdentifier scratchDatabaseOf(java.util.UUID run) {
        return new SqlIdentifier(SCRATCH_PREFIX + run.toString().replace("-", ""));
    }

    /**
     * After a crash: drills that never finished are recorded as interrupted, and their scratch databases dropped.
     * Only drills started more than {@link #INTERRUPTED_AFTER} ago count, so another instance's running drill is
     * left alone.
     */
    public void sweepInterrupted() {
        java.time.Instant before = Clock.systemUTC().instant().minus(INTERRUPTED_AFTER);
        for (DrillRun stale : runs.unfinishedBefore(before)) {
            runs.failed(stale.id(), "interrupted: the server carrying out the drill stopped", Clock.systemUTC());
            if (tenants.find(stale.tenant()).isPresent()) {
                try {
                    restore.dropDatabase(stale.tenant(), scratchDatabaseOf(stale.id()));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the scratch database of interrupted drill " + stale.id()
                            + " could not be dropped", e);
                }
            }
        }
    }
}
