package app.strongroom.restore;

import app.strongroom.backup.BackupCatalog;
import app.strongroom.backup.BackupOutcome;
import app.strongroom.backup.TenantBackupService;
import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.catalog.restore.RestoreMode;
import app.strongroom.catalog.restore.RestoreRun;
import app.strongroom.platform.Migrations;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.security.SecurityEventKind;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries out one restore the helpdesk asked for ({@link RestoreRequests}). The backup is restored into a database of
 * its own first, while the tenant works on: every segment authenticated, every entry against the manifest, every
 * table's rows counted, an older schema migrated up. Only then, for a live restore, is the tenant held in maintenance,
 * the live database backed up and that backup pinned, the audit trail and the accounts' standing carried over from it
 * ({@link LiveCarryOver}), and the
 * two databases swapped by renaming both in one PostgreSQL transaction: the tenant has either its old database or the
 * restored one, whatever happens. A side restore instead neutralises its copy and leaves it, read-only, for the
 * tenant's administrator. Any failure drops what was made and leaves the tenant as it was.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RestoreService {
    private static final Logger LOG = Logger.getLogger(RestoreService.class.getName());

    @EJB
    RestoreRuns runs;
    @EJB
    BackupRestore restore;
    @EJB
    BackupCatalog backups;
    @EJB
    TenantBackupService backupService;
    @EJB
    TenantCatalog tenants;
    @EJB
    TenantUnits units;
    @Inject
    PlatformSettings settings;
    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Does the restore if it is still waiting; returns its record as it ends (or as another server left it). */
    public RestoreRun perform(UUID id) {
        Clock clock = Clock.systemUTC();
        UUID owner = UUID.randomUUID();
        Optional<RestoreRun> begun = runs.begin(id, owner, clock);
        if (begun.isEmpty()) {
            return runs.get(id);
        }
        RestoreRun run = begun.get();
        Duration beat = settings.backupRunStaleAfter().dividedBy(3);
        // A beat that fails must not end the schedule (a scheduled task that throws is never run again), or the
        // recovery would take over a restore that is still working.
        ScheduledFuture<?> heartbeat = scheduler.scheduleAtFixedRate(() -> {
            try {
                runs.beat(id, owner, clock);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "restore " + id + " missed a heartbeat; trying again", e);
            }
        }, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Optional<Integer> liveVersion = run.mode() == RestoreMode.LIVE ? Optional.of(restoreLive(run, owner))
                    : restoreSide(run);
            // In the trail before the record says done, so whoever sees it done finds it there.
            RestoreAudit.record(units, run, run.mode() == RestoreMode.LIVE ? SecurityEventKind.LIVE_RESTORED
                    : SecurityEventKind.SIDE_RESTORED, "from the backup of " + run.backupTakenAt() + " ("
                    + run.reason() + ")");
            if (!runs.succeed(id, owner, liveVersion, clock)) {
                LOG.warning(() -> "restore " + id + " was done, but another server had taken it over; its record is"
                        + " that server's");
            }
        } catch (RuntimeException e) {
            String reason = TenantBackupService.reason(e);
            LOG.log(Level.WARNING, "restore " + id + " failed: " + reason, e);
            // A restore lost to another server is that server's to record.
            if (runs.get(id).isOwnedBy(owner)) {
                // The reason can name the platform's servers; the tenant's trail says what matters to the tenant.
                RestoreAudit.record(units, run, SecurityEventKind.RESTORE_FAILED, "from the backup of "
                        + run.backupTakenAt() + " (" + run.reason() + "): nothing was changed");
                runs.fail(id, owner, reason, clock);
            }
        } finally {
            heartbeat.cancel(false);
        }
        return runs.get(id);
    }

    private int restoreLive(RestoreRun run, UUID owner) {
        Tenant tenant = tenants.get(run.tenant());
        PostgresAdmin admin = admin(tenant);
        SqlIdentifier live = new SqlIdentifier(tenant.databaseName());
        SqlIdentifier restored = new SqlIdentifier(run.databaseName());
        SqlIdentifier replaced = new SqlIdentifier(run.replacedDatabaseName());
        int version = restoreChecked(run, admin, true);
        boolean swapped = false;
        try {
            endSessions(admin, restored);
            // Links mailed before the backup and spent or replaced since would work again: void them all.
            SideCopy.neutralise(admin, restored);
            admin.confineRole(restored, new SqlIdentifier(tenant.roleName()));
            // The label goes live with the database: a recovery after a crash reads it to know whether the swap was
            // done (then the restore is completed), whatever else had happened by then.
            admin.label(restored, run.id());
            runs.beginMaintenance(run.id(), owner);
            units.close(tenant.id());
            BackupOutcome safety = backupService.backUpBeforeRestore(tenant.id(), "restore-" + run.id());
            UUID safetyId = safetyBackupOf(safety);
            backups.pin(safetyId);
            runs.safetyBackup(run.id(), safetyId);
            LiveCarryOver.closeAndCarryOver(admin, live, restored, run.backupTakenAt());
            // Both renames in one transaction, so a server killed at any moment leaves one whole database live (see
            // RestoreRecovery); under the restore's row lock, only while this server still owns the restore.
            try {
                runs.swap(run.id(), owner, () -> admin.replace(live, restored, replaced));
            } catch (RuntimeException e) {
                // The commit may have happened even though its answer was lost: the label says which database is live.
                if (!admin.labelOf(live).equals(Optional.of(run.id()))) {
                    throw e;
                }
                LOG.log(Level.WARNING, "restore " + run.id() + ": the swap reported a failure but was done", e);
            }
            swapped = true;
        } finally {
            units.close(tenant.id());
            if (!swapped) {
                admin.allowConnections(live, true);
                admin.dropDatabase(restored);
            }
        }
        dropQuietly(admin, replaced);
        return version;
    }

    private Optional<Integer> restoreSide(RestoreRun run) {
        Tenant tenant = tenants.get(run.tenant());
        PostgresAdmin admin = admin(tenant);
        SqlIdentifier side = new SqlIdentifier(run.databaseName());
        boolean kept = false;
        try {
            restoreChecked(run, admin, false);
            SideCopy.neutralise(admin, side);
            admin.confineRole(side, new SqlIdentifier(tenant.roleName()));
            admin.revokeWrites(side, new SqlIdentifier(tenant.roleName()));
            admin.makeReadOnly(side);
            kept = true;
            return Optional.empty();
        } finally {
            if (!kept) {
                admin.dropDatabase(side);
            }
        }
    }

    /**
     * The backup in a database of its own, checked whole and at the current schema; returns that schema version. A
     * backup of a schema newer than this build knows is refused before anything is made.
     */
    private int restoreChecked(RestoreRun run, PostgresAdmin admin, boolean withFiles) {
        Backup backup = backups.find(run.backup()).orElseThrow(() -> new RestoreRefusedException(
                "the backup " + run.backup() + " is no longer kept"));
        Tenant tenant = tenants.get(run.tenant());
        int current = tenant.server().templateVersion();
        int recorded = backup.schemaVersion().orElseThrow(() -> new RestoreRefusedException(
                "the backup " + backup.id() + " records no schema version: it is not one this build can restore"));
        if (recorded > current) {
            throw new RestoreRefusedException("the backup " + backup.id() + " is of schema version " + recorded
                    + ", newer than this build's " + current + ": restore it with the Strongroom that wrote it");
        }
        SqlIdentifier target = new SqlIdentifier(run.databaseName());
        restore.createDatabase(backup, target);
        try {
            RestoredBackup restored = restore.restoreNearest(backup, target, withFiles);
            int version = restored.manifest().schemaVersion();
            if (version != recorded) {
                throw new CorruptBackupException("the backup " + backup.id() + " says schema version " + version
                        + " inside, the catalog recorded " + recorded, null);
            }
            if (version < current) {
                int migrated = Migrations.migrateTenant(admin.adminDataSource(target));
                runs.migratedFrom(run.id(), version);
                return migrated;
            }
            return version;
        } catch (RuntimeException e) {
            admin.dropDatabase(target);
            throw e;
        }
    }

    private static UUID safetyBackupOf(BackupOutcome outcome) {
        if (outcome instanceof BackupOutcome.Good good) {
            return good.backup();
        }
        if (outcome instanceof BackupOutcome.AlreadyDone done) {
            return done.backup();
        }
        throw new RestoreRefusedException("the live database could not be backed up first, so it was not replaced: "
                + ((BackupOutcome.Failed) outcome).reason());
    }

    /** Every session of the tenant ends: each account's epoch moves on in the database about to go live. */
    private static void endSessions(PostgresAdmin admin, SqlIdentifier restored) {
        try (Connection c = admin.adminDataSource(restored).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update user_account set session_epoch = session_epoch + 1");
        } catch (SQLException e) {
            throw new IllegalStateException("the restored database's sessions could not be ended: " + e.getMessage(), e);
        }
    }

    private static void dropQuietly(PostgresAdmin admin, SqlIdentifier database) {
        try {
            admin.dropDatabase(database);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the replaced database " + database + " could not be dropped; the next start does", e);
        }
    }

    private PostgresAdmin admin(Tenant tenant) {
        return new PostgresAdmin(settings.server(tenant.server().name()));
    }
}
