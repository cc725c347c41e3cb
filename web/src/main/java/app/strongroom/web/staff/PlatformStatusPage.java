package app.strongroom.web.staff;

import app.strongroom.staff.BackupAdministration;
import app.strongroom.staff.PlatformStatus;
import app.strongroom.staff.PlatformStatusService;
import app.strongroom.web.Durations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The staff's view of this instance's live figures, in units a person reads at a glance. */
@Named
@RequestScoped
public class PlatformStatusPage {
    @EJB
    PlatformStatusService service;
    @EJB
    BackupAdministration backups;

    private PlatformStatus status;
    private List<BackupAdministration.JobRun> recentRuns;

    public PlatformStatus getStatus() {
        if (status == null) {
            status = service.status();
        }
        return status;
    }

    public String getMeanRefusal() {
        PlatformStatus s = getStatus();
        return Durations.human(s.lockedRefusals() == 0 ? 0 : s.lockedRefusalNanos() / s.lockedRefusals());
    }

    /** The newest executions of the backup and retention jobs. */
    public List<BackupAdministration.JobRun> getRecentRuns() {
        if (recentRuns == null) {
            recentRuns = backups.recentRuns(5);
        }
        return recentRuns;
    }

    public String getTotalRefusal() {
        return Durations.human(getStatus().lockedRefusalNanos());
    }
}
