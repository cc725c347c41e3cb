package app.strongroom.download;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.download.LiveDownload;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The catalog's live download leases, one transaction per change. A claim inserts the tenant's row: the primary key
 * lets exactly one of two concurrent claims in, on whichever server instance they run.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LiveDownloadLeases {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /**
     * Takes the tenant's lease for {@code holder}, removing one whose server died (ran out) first; false when a
     * running download holds it. A claim that loses the race for the row fails with a persistence error instead.
     */
    public boolean claim(TenantId tenant, String holder, String login, String clientAddress) {
        Instant now = clock.instant();
        em.createNamedQuery(LiveDownload.REMOVE_EXPIRED).setParameter("tenant", tenant.value())
                .setParameter("now", at(now)).executeUpdate();
        if (em.find(LiveDownload.class, tenant.value()) != null) {
            return false;
        }
        em.persist(new LiveDownload(tenant, holder, login, clientAddress, now));
        em.flush();
        return true;
    }

    /** The tenant's download that is running, if one is. */
    public Optional<LiveDownload> running(TenantId tenant) {
        return Optional.ofNullable(em.find(LiveDownload.class, tenant.value()))
                .filter(d -> d.isRunning(clock.instant()));
    }

    /** Extends the lease of {@code holder}; false when it no longer holds one (it ran out and was taken). */
    public boolean renew(String holder) {
        return em.createNamedQuery(LiveDownload.RENEW).setParameter("holder", holder)
                .setParameter("until", at(clock.instant().plus(LiveDownload.LEASE))).executeUpdate() == 1;
    }

    public void release(TenantId tenant, String holder) {
        em.createNamedQuery(LiveDownload.RELEASE).setParameter("tenant", tenant.value()).setParameter("holder", holder)
                .executeUpdate();
    }

    /** Gives up the leases of every download of {@code instance} (holders named {@code <instance>/<download>}). */
    public int releaseAllOf(String instance) {
        String prefix = instance + "/";
        return em.createNamedQuery(LiveDownload.RELEASE_ALL_OF).setParameter("length", prefix.length())
                .setParameter("instance", prefix).executeUpdate();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
