package app.strongroom.web.staff;

import app.strongroom.catalog.TenantId;
import app.strongroom.keys.KeyAdministration;
import app.strongroom.staff.BackupAdministration;
import app.strongroom.staff.BackupAdministration.BackupSummary;
import app.strongroom.staff.TenantListService;
import app.strongroom.staff.TenantSummary;
import app.strongroom.web.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The staff's list of tenants with the state of their backups, and "Back up now". */
@Named
@RequestScoped
public class TenantListPage {
    private static final BackupSummary NONE = new BackupSummary(Optional.empty(), Optional.empty(), 0, Optional.empty());

    @EJB
    TenantListService tenants;
    @EJB
    BackupAdministration backups;
    @EJB
    KeyAdministration keys;

    private List<TenantSummary> rows;
    private Map<String, BackupSummary> summaries;

    public List<TenantSummary> getRows() {
        if (rows == null) {
            rows = tenants.tenants();
        }
        return rows;
    }

    public BackupSummary backups(String tenantId) {
        if (summaries == null) {
            summaries = backups.summaries();
        }
        return summaries.getOrDefault(tenantId, NONE);
    }

    /** A new data key for the tenant: new files and backups use it, older ones stay readable. Operators only. */
    @jakarta.ejb.EJB
    app.strongroom.staff.SiteAdministration sites;

    public void rotateKey(String tenantId, String slug) {
        keys.rotate(TenantId.parse(tenantId)).ifPresentOrElse(
                key -> Messages.info("staff.keyRotated", slug, key),
                () -> Messages.error("staff.tenantGone", slug));
    }

    public void backUpAll() {
        Messages.info("staff.backupAllStarted", backups.backUpAll());
    }

    public void backUpNow(String tenantId, String slug) {
        backups.backUpNow(TenantId.parse(tenantId)).ifPresentOrElse(
                execution -> Messages.info("staff.backupStarted", slug, execution),
                () -> Messages.error("staff.tenantGone", slug));
    }

    /** Drills the one tenant now, from the site of the day. */
    public void drillNow(String tenantId, String slug) {
        Messages.info("staff.drillStarted", slug, sites.drillNow(java.util.Optional.of(TenantId.parse(tenantId)),
                java.util.Optional.empty()));
    }
}
