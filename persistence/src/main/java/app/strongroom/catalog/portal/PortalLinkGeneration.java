package app.strongroom.catalog.portal;

import app.strongroom.catalog.TenantId;
import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A tenant's portal link generation. Every link carries the generation it was signed under and works only while that
 * is still the current one; a tenant without a row is at generation 0. It only ever rises.
 */
@Entity
@Table(name = "portal_link_generation")
public class PortalLinkGeneration {
    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(nullable = false)
    private int generation;
    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected PortalLinkGeneration() {
    }

    /** The first row of a tenant whose links are voided for the first time: generation 1. */
    public PortalLinkGeneration(TenantId tenant, Instant now) {
        this.tenantId = Require.present("tenant", tenant).value();
        this.generation = 1;
        this.changedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Voids every link signed so far. */
    public void voidLinks(Instant now) {
        if (generation == Integer.MAX_VALUE) {
            throw new IllegalStateException("the portal link generation cannot rise any further");
        }
        generation++;
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    public int generation() {
        return generation;
    }

    public TenantId tenant() {
        return new TenantId(tenantId);
    }
}
