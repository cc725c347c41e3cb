package app.strongroom.backup;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.Backup;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog's record of backups. Every change is a transaction of its own, so what a backup run recorded stays
 * recorded whatever happens next (a failure, a kill -9).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BackupCatalog {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public Backup start(TenantId tenant, String runKey) {
        Backup backup = Backup.start(tenant, runKey, clock.instant());
        em.persist(backup);
        return backup;
    }

    public Backup succeed(UUID id, long size, String sha256, int keyId, int schemaVersion) {
        Backup backup = get(id);
        backup.succeed(size, sha256, keyId, schemaVersion, clock.instant());
        return backup;
    }

    public Backup fail(UUID id, String reason) {
        Backup backup = get(id);
        backup.fail(reason, clock.instant());
        return backup;
    }

    public void markDeleted(UUID id) {
        get(id).delete(clock.instant());
    }

    public void pin(UUID id) {
        get(id).pin();
    }

    public Optional<Backup> find(UUID id) {
        return Optional.ofNullable(em.find(Backup.class, id));
    }

    /** The backup this run already made of the tenant, if any: a resumed run does not make it again. */
    public Optional<Backup> goodInRun(TenantId tenant, String runKey) {
        return em.createNamedQuery(Backup.OF_TENANT_IN_RUN, Backup.class).setParameter("tenant", tenant.value())
                .setParameter("run", runKey).getResultStream().filter(Backup::isGood).findFirst();
    }

    /** Every attempt for the tenant, newest first. */
    public List<Backup> of(TenantId tenant) {
        return em.createNamedQuery(Backup.OF_TENANT, Backup.class).setParameter("tenant", tenant.value()).getResultList();
    }

    /** The tenant's good backups, newest first. */
    public List<Backup> good(TenantId tenant) {
        return em.createNamedQuery(Backup.GOOD_OF_TENANT, Backup.class).setParameter("tenant", tenant.value())
                .getResultList();
    }

    public List<Backup> allGood() {
        return em.createNamedQuery(Backup.GOOD, Backup.class).getResultList();
    }

    /** Backups of the run still marked running: after a crash, the ones it was writing when it died. */
    public List<Backup> runningInRun(String runKey) {
        return running().stream().filter(b -> b.runKey().equals(runKey)).toList();
    }

    public List<Backup> running() {
        return em.createNamedQuery(Backup.RUNNING, Backup.class).getResultList();
    }

    /** Forgets every backup of a deleted tenant. */
    public void forget(TenantId tenant) {
        of(tenant).forEach(em::remove);
    }

    private Backup get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no backup " + id));
    }
}
