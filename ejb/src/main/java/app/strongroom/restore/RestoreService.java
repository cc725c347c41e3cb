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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * the live database backed up and that backup pinned, the audit trail written since the backup carried over, and the
 * two databases swapped by renaming both in one PostgreSQL transaction: the tenant has either its old database or the
 * restored one, whatever happens. A side restore instead neutralises its copy and leaves it, read-only, for the
 * tenant's administrator. Any failure drops what was made and leaves the tenant as it was.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RestoreService {
    private static final Logger LOG = Logger.getLogger(RestoreService.class.getName());
    private static final String AUDIT_SINCE = "select id, occurred_at, kind, login, client_address, actor, detail "
            + "from security_event where id > ? order by id";
    private static final String AUDIT_CARRIED_OVER = "insert into security_event (id, occurred_at, kind, login, "
            + "client_address, actor, detail) overriding system value values (?, ?, ?, ?, ?, ?, ?)";

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
        Optional<RestoreRun> begun = runs.begin(id, clock);
        if (begun.isEmpty()) {
            return runs.get(id);
        }
        RestoreRun run = begun.get();
        Duration beat = settings.backupRunStaleAfter().dividedBy(3);
        // A beat that fails must not end the schedule (a scheduled task that throws is never run again), or the
        // recovery would take over a restore that is still working.
        ScheduledFuture<?> heartbeat = scheduler.scheduleAtFixedRate(() -> {
            try {
                runs.beat(id, clock);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "restore " + id + " missed a heartbeat; trying again", e);
            }
        }, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Optional<Integer> liveVersion = run.mode() == RestoreMode.LIVE ? Optional.of(restoreLive(run))
                    : restoreSide(run);
            // In the trail before the record says done, so whoever sees it done finds it there.
            RestoreAudit.record(units, run, run.mode() == RestoreMode.LIVE ? SecurityEventKind.LIVE_RESTORED
                    : SecurityEventKind.SIDE_RESTORED, "from the backup of " + run.backupTakenAt() + " ("
                    + run.reason() + ")");
            runs.succeed(id, liveVersion, clock);
        } catch (RuntimeException e) {
            String reason = TenantBackupService.reason(e);
            LOG.log(Level.WARNING, "restore " + id + " failed: " + reason, e);
            RestoreAudit.record(units, run, SecurityEventKind.RESTORE_FAILED, "from the backup of "
                    + run.backupTakenAt() + ": " + reason);
            runs.fail(id, reason, clock);
        } finally {
            heartbeat.cancel(false);
        }
        return runs.get(id);
    }

    private int restoreLive(RestoreRun run) {
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
            runs.beginMaintenance(run.id());
            units.close(tenant.id());
            BackupOutcome safety = backupService.backUpBeforeRestore(tenant.id(), "restore-" + run.id());
            UUID safetyId = safetyBackupOf(safety);
            backups.pin(safetyId);
            runs.safetyBackup(run.id(), safetyId);
            carryAuditTrailOver(admin, live, restored);
            // No connection may hold the live database while it is renamed; then both renames in one transaction,
            // so a server killed at any moment leaves one whole database live (see RestoreRecovery).
            admin.allowConnections(live, false);
            admin.replace(live, restored, replaced);
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

    /**
     * The audit trail is append-only and must survive a restore: the entries written since the backup are copied
     * from the live database, with their ids, into the restored one, while the tenant is held in maintenance.
     */
    private static void carryAuditTrailOver(PostgresAdmin admin, SqlIdentifier live, SqlIdentifier restored) {
        try (Connection from = admin.adminDataSource(live).getConnection();
             Connection to = admin.adminDataSource(restored).getConnection()) {
            long newest;
            try (Statement s = to.createStatement();
                 ResultSet r = s.executeQuery("select coalesce(max(id), 0) from security_event")) {
                r.next();
                newest = r.getLong(1);
            }
            to.setAutoCommit(false);
            try (PreparedStatement read = from.prepareStatement(AUDIT_SINCE);
                 PreparedStatement write = to.prepareStatement(AUDIT_CARRIED_OVER)) {
                read.setLong(1, newest);
                try (ResultSet r = read.executeQuery()) {
                    while (r.next()) {
                        for (int i = 1; i <= 7; i++) {
                            write.setObject(i, r.getObject(i));
                        }
                        write.addBatch();
                    }
                }
                write.executeBatch();
            }
            try (Statement s = to.createStatement()) {
                s.execute("select setval(pg_get_serial_sequence('security_event', 'id'), "
                        + "greatest((select max(id) from security_event), 1))");
            }
            to.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be carried over to the restored database: "
                    + e.getMessage(), e);
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
