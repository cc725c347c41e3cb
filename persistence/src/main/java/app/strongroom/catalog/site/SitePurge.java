package app.strongroom.catalog.site;

import app.strongroom.catalog.TenantId;
import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A deleted tenant whose objects a site still holds: the site was down when the tenant was deleted. The site's next
 * pass removes them (key first) and this row with them.
 */
@Entity
@Table(name = "site_purge")
@IdClass(SitePurge.Key.class)
@NamedQuery(name = SitePurge.AT_SITE, query = "select p from SitePurge p where p.site = :site")
public class SitePurge {
    public static final String AT_SITE = "SitePurge.atSite";

    @Id
    private String site;
    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;

    protected SitePurge() {
    }

    public SitePurge(String site, TenantId tenant, Instant now) {
        this.site = Require.text("site", site, 40);
        this.tenantId = Require.present("tenant", tenant).value().toString();
        this.requestedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    public String site() {
        return site;
    }

    public TenantId tenant() {
        return TenantId.parse(tenantId);
    }

    public Instant requestedAt() {
        return requestedAt.toInstant();
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String site;
        private String tenantId;

        public Key() {
        }

        public Key(String site, String tenantId) {
            this.site = site;
            this.tenantId = tenantId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(site, k.site) && java.util.Objects.equals(tenantId, k.tenantId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(site, tenantId);
        }
    }
}
