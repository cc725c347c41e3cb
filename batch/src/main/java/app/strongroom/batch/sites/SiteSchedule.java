package app.strongroom.batch.sites;

import app.strongroom.alarm.RecoveryPointWatch;
import app.strongroom.catalog.site.SiteState;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.sites.ReplicationJobs;
import app.strongroom.sites.SiteCopies;
import app.strongroom.sites.SiteRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Catch-up and the recovery point watch. Every {@code strongroom.replication.check-seconds} each instance starts a
 * pass over the sites whose last pass failed and whose backoff is over (a site back up catches up without waiting for
 * the next backup); every tenth time it checks every tenant's recovery point and mails alarms not mailed yet.
 */
@Singleton
@Startup
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SiteSchedule {
    private static final Logger LOG = Logger.getLogger(SiteSchedule.class.getName());
    private static final int WATCH_EVERY = 10;

    @Resource
    TimerService timers;
    @Inject
    PlatformSettings settings;
    @Inject
    SiteRegistry sites;
    @EJB
    SiteCopies copies;
    @EJB
    ReplicationJobs jobs;
    @EJB
    RecoveryPointWatch recoveryPoints;
    @Inject
    app.strongroom.backup.ServerInstance instance;

    private int ticks;

    @PostConstruct
    void start() {
        long every = settings.replicationCheckInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("site catch-up", false));
    }

    /**
     * A server that stops gives its sites' leases up, and asks for the passes it leaves unfinished: otherwise the
     * next server waits for the leases to run out before it may work on those sites.
     */
    @jakarta.annotation.PreDestroy
    void stop() {
        try {
            if (copies.releaseAllOf(instance.name()) > 0) {
                copies.requestPassesEverywhere();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the site leases of this instance could not be given up; they run out by themselves", e);
        }
    }

    @Timeout
    void tick(Timer timer) {
        try {
            Instant now = Instant.now();
            List<String> due = sites.names().stream().filter(name -> {
                SiteState state = copies.state(name);
                return state.catchUpDue(now) && !state.isLeased(now);
            }).toList();
            if (!due.isEmpty()) {
                LOG.info(() -> "catching up sites " + due + "; job execution " + jobs.start(due, false));
            }
            if (ticks++ % WATCH_EVERY == 0) {
                recoveryPoints.check(Clock.systemUTC());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "site catch-up failed", e);
        }
    }
}
