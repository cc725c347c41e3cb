package app.strongroom.web.staff;

import app.strongroom.catalog.TenantSlug;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.catalog.restore.RestoreMode;
import app.strongroom.restore.RestoreRefusedException;
import app.strongroom.restore.RestoreRequests;
import app.strongroom.restore.RestoreView;
import app.strongroom.web.Messages;
import app.strongroom.web.Responses;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The helpdesk restores one of a tenant's kept backups, live or beside the live database, naming the ticket. View
 * scoped: the postback checks the chosen backup against the list the page offered.
 */
@Named
@ViewScoped
public class RestorePage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient RestoreRequests requests;

    private String tenant;
    private UUID backup;
    private RestoreMode mode;
    private String reason;
    private transient List<Backup> backups;

    public void load() {
        if (TenantSlug.parse(tenant).isEmpty()) {
            Responses.notFound();
        }
    }

    public String restore() {
        try {
            requests.request(TenantSlug.parse(tenant).orElseThrow(), backup, mode, reason);
            Messages.infoAfterRedirect("staffRestore.started");
            return "/staff/restore.xhtml?faces-redirect=true&tenant=" + tenant;
        } catch (RestoreRefusedException e) {
            Messages.error("staffRestore.refused", e.getMessage());
            return null;
        }
    }

    public List<RestoreView> getRestores() {
        return TenantSlug.parse(tenant).map(requests::restoresOf).orElse(List.of());
    }

    /** Asked again on the postback too, where the choice is checked against it. */
    public List<Backup> getBackups() {
        if (backups == null) {
            backups = TenantSlug.parse(tenant).map(requests::restorable).orElse(List.of());
        }
        return backups;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public UUID getBackup() {
        return backup;
    }

    public void setBackup(UUID backup) {
        this.backup = backup;
    }

    public RestoreMode getMode() {
        return mode;
    }

    public void setMode(RestoreMode mode) {
        this.mode = mode;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
