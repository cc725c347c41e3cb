package app.strongroom.web.staff;

import app.strongroom.catalog.alarm.Alarm;
import app.strongroom.staff.SiteAdministration;
import app.strongroom.web.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/** The status page's sites, alarms and drills, and the operators' buttons to replicate, re-verify and drill now. */
@Named
@RequestScoped
public class SiteStatusPage {
    @EJB
    SiteAdministration administration;

    private List<SiteAdministration.SiteView> sites;
    private List<Alarm> alarms;
    private List<SiteAdministration.DrillView> drills;

    public List<SiteAdministration.SiteView> getSites() {
        if (sites == null) {
            sites = administration.sites();
        }
        return sites;
    }

    public List<Alarm> getAlarms() {
        if (alarms == null) {
            alarms = administration.openAlarms();
        }
        return alarms;
    }

    public List<SiteAdministration.DrillView> getDrills() {
        if (drills == null) {
            drills = administration.recentDrills(10);
        }
        return drills;
    }

    public String replicateNow() {
        Messages.infoAfterRedirect("staff.sites.replicationStarted", administration.replicateNow(false));
        return "/staff/status?faces-redirect=true";
    }

    public String verifyNow() {
        Messages.infoAfterRedirect("staff.sites.verificationStarted", administration.replicateNow(true));
        return "/staff/status?faces-redirect=true";
    }

    public String drillNow() {
        Messages.infoAfterRedirect("staff.drills.drillStarted", administration.drillNow(Optional.empty(), Optional.empty()));
        return "/staff/status?faces-redirect=true";
    }
}
