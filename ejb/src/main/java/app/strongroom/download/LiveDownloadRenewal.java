package app.strongroom.download;

import app.strongroom.backup.ServerInstance;
import app.strongroom.catalog.download.LiveDownload;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the leases of this server's live downloads: renewed on a timer of their own, so a download whose client reads
 * slowly keeps its tenant while this server lives, and loses it within one lease when the server dies. A download
 * whose lease could not be renewed and was taken is told so and stops. A server that stops gives its leases up.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveDownloadRenewal {
    private static final Logger LOG = Logger.getLogger(LiveDownloadRenewal.class.getName());

    @Resource
    TimerService timers;
    @EJB
    LiveDownloadLeases leases;
    @Inject
    ServerInstance instance;

    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<String> lost = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        long every = LiveDownload.RENEW_EVERY.toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("live download leases", false));
    }

    /** A new download's holder name: this server instance, so its leases can be given up with it, and the download. */
    public String newHolder() {
        return instance.name() + "/" + UUID.randomUUID();
    }

    /** The download {@code holder} holds its lease now; renew it until {@link #finished}. */
    public void started(String holder) {
        running.add(holder);
    }

    public void finished(String holder) {
        running.remove(holder);
        lost.remove(holder);
    }

    /** Whether the download still holds its tenant's lease. */
    public boolean holds(String holder) {
        return running.contains(holder) && !lost.contains(holder);
    }

    @Timeout
    void renew() {
        for (String holder : running) {
            try {
                if (!leases.renew(holder)) {
                    lost.add(holder);
                    LOG.warning(() -> "live download " + holder + " lost its lease; it stops");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the lease of live download " + holder + " could not be renewed; tried again in "
                        + LiveDownload.RENEW_EVERY.toSeconds() + " s", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        try {
            leases.releaseAllOf(instance.name());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the live download leases of this instance could not be given up; they run out "
                    + "by themselves", e);
        }
    }
}
