package app.strongroom.sites;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.site.CopyKind;
import app.strongroom.catalog.site.SiteCopy;
import app.strongroom.catalog.site.SitePurge;
import app.strongroom.catalog.site.SiteState;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog's record of copies at sites. Every change is a transaction of its own, so what a pass verified stays
 * recorded whatever happens to the rest of it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SiteCopies {
    /** Kept by a pass while it works, renewed at every object; a pass of a killed instance is taken over after this. */
    static final Duration LEASE = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "catalog")
    EntityManager em;
    @Inject
    SiteRegistry sites;

    private final Clock clock = Clock.systemUTC();

    /** The object's copy record at the site, if there is one. */
    public Optional<SiteCopy> find(String site, String objectKey) {
        return em.createNamedQuery(SiteCopy.OF_OBJECT, SiteCopy.class).setParameter("site", site)
                .setParameter("key", objectKey).getResultStream().findFirst();
    }

    public void verified(String site, String objectKey, CopyKind kind, Optional<UUID> tenant, Optional<UUID> backup,
                         String sha256, long size) {
        record(site, objectKey, kind, tenant, backup).verified(sha256, size, clock.instant());
    }

    public void failed(String site, String objectKey, CopyKind kind, Optional<UUID> tenant, Optional<UUID> backup,
                       String reason) {
        record(site, objectKey, kind, tenant, backup).failed(reason, clock.instant());
    }

    /** A copy read back later that no longer matches: it stops counting at once. */
    public void foundCorrupt(String site, String objectKey, String reason) {
        find(site, objectKey).ifPresent(c -> c.foundCorrupt(reason, clock.instant()));
    }

    /** The site no longer holds the object. */
    public void forget(String site, String objectKey) {
        find(site, objectKey).ifPresent(em::remove);
    }

    public List<SiteCopy> atSite(String site) {
        return em.createNamedQuery(SiteCopy.AT_SITE, SiteCopy.class).setParameter("site", site).getResultList();
    }

    public List<SiteCopy> ofBackup(UUID backup) {
        return em.createNamedQuery(SiteCopy.OF_BACKUP, SiteCopy.class).setParameter("backup", backup.toString())
                .getResultList();
    }

    public List<SiteCopy> ofTenant(TenantId tenant) {
        return em.createNamedQuery(SiteCopy.OF_TENANT, SiteCopy.class).setParameter("tenant", tenant.value().toString())
                .getResultList();
    }

    public List<SiteCopy> all() {
        return em.createNamedQuery(SiteCopy.ALL, SiteCopy.class).getResultList();
    }

    public SiteState state(String site) {
        SiteState state = em.find(SiteState.class, site);
        if (state == null) {
            state = new SiteState(site);
            em.persist(state);
        }
        return state;
    }

    /** A pass that began at {@code began} got through; a re-verifying one settles the re-verifications asked before. */
    public void passed(String site, boolean reverified, Instant began) {
        state(site).passed(clock.instant(), reverified, began);
    }

    public void failedPass(String site, String reason, Duration retryBase) {
        state(site).failed(reason, clock.instant(), retryBase);
    }

    /**
     * Takes (or renews) the site's lease for the pass or purge {@code lease}; false when another one holds it. Each
     * pass has a lease of its own, so two passes of one instance exclude each other too.
     */
    public boolean claim(String site, String lease) {
        state(site);
        em.flush();
        return em.createNamedQuery(SiteState.CLAIM).setParameter("owner", lease)
                .setParameter("until", at(clock.instant().plus(LEASE))).setParameter("now", at(clock.instant()))
                .setParameter("site", site).executeUpdate() == 1;
    }

    /** Another pass is owed to the site (this one found it busy); the schedule starts it. */
    public void requestPass(String site) {
        state(site).requestPass(clock.instant());
    }

    /** An operator's re-verification found the site busy: the pass owed to it reads every copy back. */
    public void requestReverification(String site) {
        state(site).requestReverification(clock.instant());
    }

    /**
     * Records the start of this instance's pass at {@code began}, once it holds the lease; true when it must read every
     * copy back because a re-verification is owed.
     */
    public boolean started(String site, Instant began) {
        return state(site).started(began);
    }

    public void release(String site, String lease) {
        em.createNamedQuery(SiteState.RELEASE).setParameter("owner", lease).setParameter("site", site).executeUpdate();
    }

    /** Gives up every lease of the passes of {@code instance} (named {@code <instance>/<pass>}), which is stopping. */
    public int releaseAllOf(String instance) {
        String prefix = instance + "/";
        return em.createNamedQuery(SiteState.RELEASE_ALL_OF).setParameter("length", prefix.length())
                .setParameter("instance", prefix).executeUpdate();
    }

    /** Every site is owed a pass: a key was made, rotated or re-wrapped, and each site must get the new key file. */
    public void requestPassesEverywhere() {
        sites.names().forEach(this::requestPass);
    }

    /** Records that every site owes the removal of the tenant's objects, before any is attempted. */
    public void owePurge(TenantId tenant, List<String> sites) {
        for (String site : sites) {
            if (em.find(SitePurge.class, new SitePurge.Key(site, tenant.value().toString())) == null) {
                em.persist(new SitePurge(site, tenant, clock.instant()));
            }
        }
    }

    public List<SitePurge> purgesOwed(String site) {
        return em.createNamedQuery(SitePurge.AT_SITE, SitePurge.class).setParameter("site", site).getResultList();
    }

    /** The site holds nothing of the tenant any more. */
    public void purged(String site, TenantId tenant) {
        String id = tenant.value().toString();
        Optional.ofNullable(em.find(SitePurge.class, new SitePurge.Key(site, id))).ifPresent(em::remove);
        ofTenant(tenant).stream().filter(c -> c.site().equals(site)).forEach(em::remove);
    }

    private SiteCopy record(String site, String objectKey, CopyKind kind, Optional<UUID> tenant, Optional<UUID> backup) {
        return find(site, objectKey).orElseGet(() -> {
            SiteCopy copy = new SiteCopy(site, objectKey, kind, tenant, backup, clock.instant());
            em.persist(copy);
            return copy;
        });
    }

    private static OffsetDateTime at(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
