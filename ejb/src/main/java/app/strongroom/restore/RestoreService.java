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
import app.strongroom.portal.PortalGenerations;
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
    @EJB
    PortalGenerations portalGenerations;
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
            if (run.mode() == RestoreMode.LIVE) {
                int version = restoreLive(run, owner);
                finishLive(run, owner, version, clock);
            } else {
                restoreSide(run);
                // In the trail before the record says done, so whoever sees it done finds it there.
                RestoreAudit.record(units, run, SecurityEventKind.SIDE_RESTORED, "from the backup of "
                        + run.backupTakenAt() + " (" + run.reason() + ")");
                runs.succeed(id, owner, Optional.empty(), clock);
            }
        } catch (RestoreInDoubtException e) {
            LOG.log(Level.SEVERE, "restore " + id + ": " + e.getMessage() + "; left to the recovery", e);
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

    /**
     * Returns the schema version of the database now live, once it is live; throws {@link RestoreRefusedException} or
     * another failure when nothing was changed, and {@link RestoreInDoubtException} when that is not certain.
     */
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
            UUID safetyId = safetyBackupOf(backupService.backUpBeforeRestore(tenant.id(), "restore-" + run.id()));
            backups.pin(safetyId);
            runs.safetyBackup(run.id(), safetyId);
            // The restored orders carry older link generations: every portal link mailed so far dies before the swap,
            // so a revoked one cannot come back with them, even if the restore then fails.
            portalGenerations.voidAll(tenant.id());
            // Closing the live database and the swap are each done under the restore's row lock and only while this
            // server owns the restore: a recovery that took it over meanwhile is never undone behind its back.
            runs.whileOwned(run.id(), owner, Clock.systemUTC(),
                    () -> LiveCarryOver.closeAndCarryOver(admin, live, restored, run.backupTakenAt()));
            // Both renames in one transaction, so a server killed at any moment leaves one whole database live.
            try {
                runs.whileOwned(run.id(), owner, Clock.systemUTC(), () -> admin.replace(live, restored, replaced));
            } catch (RestoreRefusedException lostIt) {
                throw lostIt;
            } catch (RuntimeException e) {
                // The commit may have happened even though its answer was lost: the label says which database is live.
                if (!isLabelled(admin, live, run.id(), e)) {
                    throw e;
                }
                LOG.log(Level.WARNING, "restore " + run.id() + ": the swap reported a failure but was done", e);
            }
            swapped = true;
        } finally {
            units.close(tenant.id());
            if (!swapped) {
                undoBeforeSwap(admin, live, restored);
            }
        }
        try {
            admin.dropDatabase(replaced);
        } catch (RuntimeException e) {
            throw new RestoreInDoubtException("the databases were swapped, but the replaced one could not be dropped", e);
        }
        return version;
    }

    /** Records a live restore whose databases were swapped as done; anything failing here is the recovery's to finish. */
    private void finishLive(RestoreRun run, UUID owner, int version, Clock clock) {
        try {
            RestoreAudit.record(units, run, SecurityEventKind.LIVE_RESTORED, "from the backup of " + run.backupTakenAt()
                    + " (" + run.reason() + ")");
            if (!runs.succeed(run.id(), owner, Optional.of(version), clock)) {
                LOG.warning(() -> "restore " + run.id() + " was done, but another server had taken it over; its "
                        + "record is that server's");
            }
        } catch (RuntimeException e) {
            throw new RestoreInDoubtException("the databases were swapped, but the restore could not be recorded", e);
        }
    }

    private static boolean isLabelled(PostgresAdmin admin, SqlIdentifier live, UUID label, RuntimeException failure) {
        try {
            return admin.labelOf(live).equals(Optional.of(label));
        } catch (RuntimeException unreachable) {
            unreachable.addSuppressed(failure);
            throw new RestoreInDoubtException("the swap failed and which database is live cannot be read", unreachable);
        }
    }

    /** The restored copy dropped first, then the live database opened again, as the recovery does. */
    private static void undoBeforeSwap(PostgresAdmin admin, SqlIdentifier live, SqlIdentifier restored) {
        try {
            admin.dropDatabase(restored);
            admin.allowConnections(live, true);
        } catch (RuntimeException e) {
            throw new RestoreInDoubtException("the restore was not swapped in, but the live database could not be "
                    + "opened again", e);
        }
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
        String why = outcome instanceof BackupOutcome.Failed failed ? failed.reason()
                : outcome instanceof BackupOutcome.NotActive notActive ? notActive.why() : outcome.toString();
        throw new RestoreRefusedException("the live database could not be backed up first, so it was not replaced: "
                + why);
    }

    /** Every session of the tenant ends: each account's epoch moves on in the database about to go live. */
    private static void endSessions(PostgresAdmin admin, SqlIdentifier restored) {
        try (Connection c = admin.adminDataSource(restored).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update user_account set session_epoch = session_epoch + 1");
        } catch (SQLException e) {
            throw new IllegalStateException("the restored database's sessions could not be ended: " + e.getMessage(), e);
        }
    }

    private PostgresAdmin admin(Tenant tenant) {
        return new PostgresAdmin(settings.server(tenant.server().name()));
    }
}
