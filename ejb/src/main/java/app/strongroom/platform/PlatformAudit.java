package app.strongroom.platform;

import app.strongroom.catalog.PlatformEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes to the platform's audit trail in a transaction of its own: a refusal is kept whatever follows it, and an
 * action the batch runtime carried out is never left unrecorded by the rollback of another.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PlatformAudit {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    public void record(String kind, String staff, String detail) {
        em.persist(new PlatformEvent(kind, null, staff, app.strongroom.common.Reasons.fit(detail, "", 500)));
    }
}
