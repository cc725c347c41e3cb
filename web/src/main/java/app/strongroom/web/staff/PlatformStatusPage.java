package app.strongroom.web.staff;

import app.strongroom.staff.PlatformStatus;
import app.strongroom.staff.PlatformStatusService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The staff's view of this instance's live figures. */
@Named
@RequestScoped
public class PlatformStatusPage {
    @EJB
    PlatformStatusService service;

    private PlatformStatus status;

    public PlatformStatus getStatus() {
        if (status == null) {
            status = service.status();
        }
        return status;
    }
}
