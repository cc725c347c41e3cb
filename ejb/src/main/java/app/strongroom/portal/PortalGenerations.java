package app.strongroom.portal;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.portal.PortalLinkGeneration;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Each tenant's portal link generation, in the catalog. Platform-internal: the portal reads it, a restore and the
 * tenant administrator (through {@link PortalLinksService}, which checks the role) raise it.
 */
@Stateless
@PermitAll
public class PortalGenerations {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    public int current(TenantId tenant) {
        return em.createNamedQuery(PortalLinkGeneration.OF_TENANT, Integer.class).setParameter("tenant", tenant.value())
                .getResultStream().findFirst().orElse(0);
    }

    /**
     * Voids every portal link of {@code tenant} signed so far; returns the new generation. One upsert: the first
     * voiding of a tenant makes its row, and a second caller at that moment waits for it and raises it again.
     */
    public int voidAll(TenantId tenant) {
        em.createNamedQuery(PortalLinkGeneration.RAISE).setParameter(1, tenant.value())
                .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        return current(tenant);
    }
}
