package app.strongroom.restore;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantSlug;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.catalog.restore.RestoreMode;
import app.strongroom.catalog.restore.RestoreRun;
import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The helpdesk restores a tenant's kept backup, live or beside the live database, giving the ticket as the reason
 * (P9). Staff without the helpdesk role reach this service only to be refused, and that refusal is in the platform's
 * audit trail like every request. The work itself runs as the batch job {@code restore} ({@link RestoreService}).
 */
@Stateless
@RolesAllowed({Role.Names.PLATFORM_HELPDESK, Role.Names.PLATFORM_OPERATOR})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RestoreRequests {
    public static final String REQUESTED = "RESTORE_REQUESTED";
    public static final String REFUSED = "RESTORE_REFUSED";

    @EJB
    TenantCatalog tenants;
    @EJB
    app.strongroom.backup.BackupCatalog backups;
    @EJB
    RestoreRuns runs;
    @EJB
    RestoreJobs jobs;
    @EJB
    app.strongroom.platform.PlatformAudit audit;
    @Inject
    SecurityContext security;

    /** The tenant's restorable backups (good ones), newest first; empty for an unknown tenant. */
    public List<Backup> restorable(TenantSlug slug) {
        return tenants.findBySlug(slug).map(t -> backups.good(t.id())).orElse(List.of());
    }

    public List<RestoreView> restoresOf(TenantSlug slug) {
        return tenants.findBySlug(slug).map(t -> runs.ofTenant(t.id()).stream().map(RestoreView::of).toList())
                .orElse(List.of());
    }

    /**
     * Records the restore and starts it. Refused, with the reason, for a member without the helpdesk role, an unknown
     * tenant or backup, a backup of another tenant or not good, a missing reason, or a live restore already under way.
     */
    public UUID request(TenantSlug slug, UUID backupId, RestoreMode mode, String reason) {
        String staff = staffLogin();
        String what = mode + " restore of backup " + backupId + " of tenant " + slug.value();
        if (!security.isCallerInRole(Role.Names.PLATFORM_HELPDESK)) {
            audit.record(REFUSED, staff, what + ": not a member of the helpdesk");
            throw new RestoreRefusedException("only the helpdesk restores backups");
        }
        Tenant tenant = tenants.findBySlug(slug).orElseThrow(() -> refused(staff, what, "there is no such tenant"));
        Backup backup = backups.find(backupId).filter(b -> b.tenant().equals(tenant.id()) && b.isGood())
                .orElseThrow(() -> refused(staff, what, "the tenant has no such kept backup"));
        boolean beingMadeOrDeleted = tenant.status() == app.strongroom.catalog.TenantStatus.PROVISIONING
                || tenant.status() == app.strongroom.catalog.TenantStatus.DELETING;
        if (beingMadeOrDeleted) {
            // A copy made while the tenant is deleted could outlive the deletion.
            throw refused(staff, what, "the tenant is " + tenant.status().name().toLowerCase() + ": nothing is restored");
        }
        if (mode == RestoreMode.LIVE && !tenant.acceptsSignIn()) {
            throw refused(staff, what, "the tenant is " + tenant.status().name().toLowerCase()
                    + ": a live restore waits until it is active again");
        }
        RestoreRun run;
        try {
            run = runs.record(RestoreRun.request(tenant.id(), backup.id(), backup.startedAt(), mode, reason, staff,
                    Clock.systemUTC().instant()));
        } catch (app.strongroom.common.InvalidValue e) {
            throw refused(staff, what, e.getMessage());
        } catch (jakarta.ejb.EJBException e) {
            throw refused(staff, what, "a live restore of this tenant is under way already");
        }
        audit.record(REQUESTED, staff, what + " (" + run.reason() + "): restore " + run.id());
        try {
            jobs.start(run.id());
        } catch (RuntimeException e) {
            runs.failUnstarted(run.id(), "the restore job could not be started: " + e.getMessage(),
                    java.time.Clock.systemUTC());
            throw new RestoreRefusedException("the restore job could not be started; nothing was changed");
        }
        return run.id();
    }

    private RestoreRefusedException refused(String staff, String what, String why) {
        audit.record(REFUSED, staff, what + ": " + why);
        return new RestoreRefusedException(why);
    }

    private String staffLogin() {
        return Caller.of(security.getCallerPrincipal()) instanceof Caller.Staff staff ? staff.login() : "unknown";
    }
}
