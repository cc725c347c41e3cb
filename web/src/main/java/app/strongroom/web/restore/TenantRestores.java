package app.strongroom.web.restore;

import app.strongroom.restore.RestoreView;
import app.strongroom.restore.SideDatabases;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The restores the helpdesk made of the caller's company, for the trust page. */
@Named
@RequestScoped
public class TenantRestores {
    @EJB
    SideDatabases sides;

    private List<RestoreView> restores;

    public List<RestoreView> getAll() {
        if (restores == null) {
            restores = sides.restores();
        }
        return restores;
    }
}
