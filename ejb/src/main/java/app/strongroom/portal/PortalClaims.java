package app.strongroom.portal;

import app.strongroom.catalog.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a portal link says: whose order, for what, until when, and under which generations of the order's and the
 * tenant's links. Believed only once {@link PortalLinkSigner#verify} has checked its signature and expiry.
 */
public record PortalClaims(TenantId tenant, long orderId, PortalPurpose purpose, Instant expiresAt,
                           int orderGeneration, int tenantGeneration) {
    public PortalClaims {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (orderId <= 0 || orderGeneration < 0 || tenantGeneration < 0) {
            throw new IllegalArgumentException("order ids are positive and generations not negative");
        }
        // Whole seconds: what the token holds, so a verified claim equals the one signed.
        expiresAt = Instant.ofEpochSecond(expiresAt.getEpochSecond());
    }
}
