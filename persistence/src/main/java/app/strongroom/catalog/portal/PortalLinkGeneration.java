package app.strongroom.catalog.portal;

import app.strongroom.catalog.TenantId;
import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
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
@NamedQuery(name = PortalLinkGeneration.OF_TENANT,
        query = "select g.generation from PortalLinkGeneration g where g.tenantId = :tenant")
@NamedNativeQuery(name = PortalLinkGeneration.RAISE, query = "insert into portal_link_generation"
        + " (tenant_id, generation, changed_at) values (?1, 1, ?2) on conflict (tenant_id)"
        + " do update set generation = portal_link_generation.generation + 1, changed_at = excluded.changed_at")
public class PortalLinkGeneration {
    /** The generation of tenant {@code :tenant} (a UUID); no row means generation 0. */
    public static final String OF_TENANT = "PortalLinkGeneration.ofTenant";
    /**
     * Raises tenant {@code ?1}'s generation at {@code ?2}, making its row at generation 1 if it has none. One
     * statement, so two callers at once (a revoke-all and a restore) both raise it: neither fails on the key.
     */
    public static final String RAISE = "PortalLinkGeneration.raise";

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
