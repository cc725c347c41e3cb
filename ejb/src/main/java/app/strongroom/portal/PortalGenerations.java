package app.strongroom.portal;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.portal.PortalLinkGeneration;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

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
        return Optional.ofNullable(em.find(PortalLinkGeneration.class, tenant.value()))
                .map(PortalLinkGeneration::generation).orElse(0);
    }

    /** Voids every portal link of {@code tenant} signed so far; returns the new generation. */
    public int voidAll(TenantId tenant) {
        PortalLinkGeneration row = em.find(PortalLinkGeneration.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new PortalLinkGeneration(tenant, Instant.now());
            em.persist(row);
        } else {
            row.voidLinks(Instant.now());
        }
        em.flush();
        return row.generation();
    }
}
