package app.strongroom.tenancy;

import app.strongroom.catalog.DatabaseServer;
import app.strongroom.catalog.Plan;
import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.TenantSlug;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The catalog's record of tenants: where each lives and in which state. Each method is its own container
 * transaction, so a provisioning step recorded here stays recorded whatever happens in the next step.
 */
@Stateless
@PermitAll
public class TenantCatalog {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    public Optional<Tenant> findBySlug(TenantSlug slug) {
        return em.createNamedQuery(Tenant.BY_SLUG, Tenant.class).setParameter("slug", slug.value())
                .getResultStream().findFirst();
    }

    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(em.find(Tenant.class, id.value()));
    }

    public Tenant get(TenantId id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("no tenant " + id));
    }

    /** Records a new tenant, in state PROVISIONING, on the server holding the fewest tenants. */
    public Tenant register(TenantId id, TenantSlug slug, String companyName, Plan plan) {
        Tenant tenant = new Tenant(id, slug, companyName, plan, leastLoadedServer());
        em.persist(tenant);
        em.flush();
        return tenant;
    }

    public void activate(TenantId id, int schemaVersion) {
        Tenant tenant = get(id);
        tenant.recordSchemaVersion(schemaVersion);
        tenant.activate();
    }

    public void recordSchemaVersion(TenantId id, int schemaVersion) {
        get(id).recordSchemaVersion(schemaVersion);
    }

    public void beginDeletion(TenantId id) {
        find(id).ifPresent(Tenant::beginDeletion);
    }

    public void remove(TenantId id) {
        find(id).ifPresent(em::remove);
    }

    public List<Tenant> all() {
        return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList();
    }

    public long count() {
        return em.createNamedQuery(Tenant.COUNT, Long.class).getSingleResult();
    }

    public List<Tenant> behindSchema(int version) {
        return em.createNamedQuery(Tenant.BEHIND_SCHEMA, Tenant.class).setParameter("version", version).getResultList();
    }

    /** Tenants left half-made or half-deleted by a crash: not active and untouched since {@code before}. */
    public List<Tenant> stuckSince(OffsetDateTime before) {
        return em.createNamedQuery(Tenant.STUCK, Tenant.class).setParameter("before", before).getResultList();
    }

    /** Makes sure the catalog lists every configured server, at its configured address. */
    public void registerServer(String name, String host, int port, int templateVersion) {
        DatabaseServer server = em.find(DatabaseServer.class, name);
        if (server == null) {
            server = new DatabaseServer(name, host, port);
            em.persist(server);
        } else {
            server.moveTo(host, port);
        }
        server.recordTemplateVersion(templateVersion);
    }

    private DatabaseServer leastLoadedServer() {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery(DatabaseServer.TENANT_COUNTS, Object[].class).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return em.createNamedQuery(DatabaseServer.ALL, DatabaseServer.class).getResultStream()
                .min(Comparator.comparingLong(s -> counts.getOrDefault(s.name(), 0L)))
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL server is registered"));
    }
}
