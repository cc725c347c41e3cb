package app.strongroom.download;

import app.strongroom.catalog.PlatformEvent;
import app.strongroom.catalog.TenantId;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes download events into a tenant's audit trail (its append-only {@code security_event}), each in a transaction
 * of its own so it stays recorded whatever becomes of the download. Platform-internal: the tenant is always one the
 * platform determined (the caller's own, or the owner of the backup asked for), never one a request named.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DownloadAudit {
    /** The platform event of a download refused to a caller who belongs to no tenant. */
    public static final String REFUSED = "DOWNLOAD_REFUSED";
    private static final int DETAIL_MAX = 500;
    private static final int FIELD_MAX = 64;

    @EJB
    TenantUnits units;
    @PersistenceContext(unitName = "catalog")
    EntityManager catalog;

    public void record(TenantId tenant, SecurityEventKind kind, String actor, String address, String detail) {
        units.inTransaction(tenant, em -> {
            em.persist(new SecurityEvent(kind, null, fit(address, FIELD_MAX), fit(actor, FIELD_MAX),
                    fit(detail, DETAIL_MAX)));
            return null;
        });
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordOnPlatform(String login, String address, String detail) {
        catalog.persist(new PlatformEvent(REFUSED, fit(address, FIELD_MAX), fit(login, FIELD_MAX),
                fit(detail, DETAIL_MAX)));
    }

    private static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
