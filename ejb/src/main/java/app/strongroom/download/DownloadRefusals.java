package app.strongroom.download;

import app.strongroom.backup.BackupCatalog;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenant.security.SecurityEventKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a download refused to a caller who is not an administrator of a company (a user without the role, a member
 * of the platform staff, nobody signed in), or to an administrator who asked for an address that names no backup. Who
 * asked is read from the caller's own identity, never from the request. The refusal goes into the trail of the
 * caller's company and of the company whose backup was asked for; callers of no company are recorded among the
 * platform's events too.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DownloadRefusals {
    private static final String ONLY_ADMINISTRATORS = "refused: only the company's administrators download backups";

    @Inject
    SecurityContext security;
    @EJB
    BackupCatalog backups;
    @EJB
    TenantCatalog tenants;
    @EJB
    DownloadAudit audit;
    @Inject
    app.strongroom.identity.throttle.LoginThrottle throttle;

    /**
     * {@code asked}: what the request named, for the record ("the live download", "backup …"); {@code backup}: the
     * backup id in it, if it had the shape of one.
     */
    public void refused(String asked, Optional<UUID> backup, String clientAddress) {
        Caller caller = Caller.of(security.getCallerPrincipal());
        Optional<TenantId> owner = backup.flatMap(backups::find).map(Backup::tenant);
        if (caller instanceof Caller.TenantUser user) {
            audit.record(user.tenant(), SecurityEventKind.BACKUP_DOWNLOAD_REFUSED, user.login(), clientAddress,
                    "asked for " + asked + "; " + (security.isCallerInRole(Role.Names.TENANT_ADMIN)
                            ? "refused: there is no such backup" : ONLY_ADMINISTRATORS));
            String company = tenants.find(user.tenant()).map(t -> t.slug().value()).orElse(user.tenant().toString());
            owner.filter(t -> !t.equals(user.tenant())).ifPresent(t -> audit.record(t,
                    SecurityEventKind.BACKUP_DOWNLOAD_REFUSED, null, clientAddress, "refused to " + user.login()
                            + ", a user of another company (" + company + "), who asked for " + asked));
            return;
        }
        if (!(caller instanceof Caller.Staff) && !throttle.withinAnonymousBudget(clientAddress)) {
            return;
        }
        String who = caller instanceof Caller.Staff staff ? "platform staff member " + staff.login()
                : "somebody not signed in";
        String login = caller instanceof Caller.Staff staff ? staff.callerName() : null;
        audit.recordOnPlatform(login, clientAddress, who + " asked for " + asked + "; " + ONLY_ADMINISTRATORS);
        owner.ifPresent(t -> audit.record(t, SecurityEventKind.BACKUP_DOWNLOAD_REFUSED, null, clientAddress,
                "refused to " + who + ", who asked for " + asked));
    }
}
