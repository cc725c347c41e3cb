package app.strongroom.web.staff;

import app.strongroom.catalog.TenantId;
import app.strongroom.staff.TenantDeletion;
import app.strongroom.staff.TenantDeletionService;
import app.strongroom.staff.TenantListService;
import app.strongroom.staff.TenantSummary;
import app.strongroom.web.Messages;
import app.strongroom.web.Responses;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/** Deleting a tenant, confirmed by typing its short name (the service checks it again). Operators only. */
@Named
@ViewScoped
public class TenantDeletePage implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String LIST = "/staff/tenants.xhtml?faces-redirect=true";

    @EJB
    transient TenantListService tenants;
    @EJB
    transient TenantDeletionService deletion;

    private String id;
    private TenantSummary tenant;
    private String typed;

    public void load() {
        Optional<TenantSummary> found = tenants.tenant(id);
        found.ifPresentOrElse(t -> tenant = t, Responses::notFound);
    }

    public String delete() {
        TenantDeletion outcome = deletion.delete(TenantId.parse(tenant.id()), typed);
        if (outcome instanceof TenantDeletion.Deleted deleted) {
            Messages.infoAfterRedirect("staff.tenantDeleted", deleted.slug());
            return LIST;
        } else if (outcome instanceof TenantDeletion.NotConfirmed notConfirmed) {
            Messages.fieldError("delete:typed", Messages.text("staffDelete.mismatch", notConfirmed.slug()));
            return null;
        }
        Messages.infoAfterRedirect("staff.tenantGone", tenant.slug());
        return LIST;
    }

    public TenantSummary getTenant() {
        return Optional.ofNullable(tenant).orElseThrow();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTyped() {
        return typed;
    }

    public void setTyped(String typed) {
        this.typed = typed;
    }
}
