package app.strongroom.restore;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.restore.RestoreMode;
import app.strongroom.catalog.restore.RestoreRun;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.security.SecurityEventKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finishes restores whose server stopped or was killed. The databases on the tenant's server say how far it got: the
 * database under the live name carries the restore's label only once the swap committed, so such a live restore is
 * completed (the replaced database dropped if it is still there); anything else is undone
 * (the restored copy dropped, the live database reopened, maintenance ended) and recorded as interrupted. Either way
 * the tenant has one whole database again and can sign in.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RestoreRecovery {
    private static final Logger LOG = Logger.getLogger(RestoreRecovery.class.getName());

    @EJB
    RestoreRuns runs;
    @EJB
    TenantCatalog tenants;
    @EJB
    TenantUnits units;
    @Inject
    PlatformSettings settings;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void watch() {
        try {
            recoverAbandoned(Clock.systemUTC());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "looking for interrupted restores failed; trying again shortly", e);
        }
    }

    public void recoverAbandoned(Clock clock) {
        var before = clock.instant().minus(settings.backupRunStaleAfter());
        for (RestoreRun stale : runs.abandonedSince(before)) {
            UUID owner = UUID.randomUUID();
            runs.takeOver(stale.id(), before, owner, clock).ifPresent(run -> recover(run, owner, clock));
        }
    }

    private void recover(RestoreRun run, UUID owner, Clock clock) {
        Optional<Tenant> tenant = tenants.find(run.tenant());
        if (tenant.isEmpty()) {
            runs.fail(run.id(), owner, "the tenant was deleted", clock);
            return;
        }
        PostgresAdmin admin = new PostgresAdmin(settings.server(tenant.get().server().name()));
        SqlIdentifier live = new SqlIdentifier(tenant.get().databaseName());
        SqlIdentifier replaced = new SqlIdentifier(run.replacedDatabaseName());
        units.close(run.tenant());
        if (run.mode() == RestoreMode.LIVE && admin.labelOf(live).equals(Optional.of(run.id()))) {
            admin.dropDatabase(replaced);
            RestoreAudit.record(units, run, SecurityEventKind.LIVE_RESTORED, "from the backup of " + run.backupTakenAt()
                    + ", completed after the server doing it stopped (" + run.reason() + ")");
            runs.succeed(run.id(), owner, Optional.of(tenant.get().server().templateVersion()), clock);
            LOG.warning(() -> "restore " + run.id() + " had swapped the databases when its server stopped: completed");
            return;
        }
        // The copy goes first: a live database opened again must never be closed by what is left of the restore.
        admin.dropDatabase(new SqlIdentifier(run.databaseName()));
        if (run.mode() == RestoreMode.LIVE && admin.databaseExists(live)) {
            admin.allowConnections(live, true);
        }
        String reason = "interrupted: the server doing it stopped before it was done; nothing was changed";
        RestoreAudit.record(units, run, SecurityEventKind.RESTORE_FAILED, "from the backup of " + run.backupTakenAt()
                + ": " + reason);
        runs.fail(run.id(), owner, reason, clock);
        LOG.warning(() -> "restore " + run.id() + " was interrupted by a server stop: undone");
    }

}
