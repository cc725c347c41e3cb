package app.strongroom.jobs;

import app.strongroom.catalog.PlatformEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The console's entries in the platform's audit trail. Each is written in its own transaction once the action was
 * done, so an action the batch runtime carried out is never left unrecorded by the rollback of another.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobAudit {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    public void record(String kind, String login, String detail) {
        em.persist(new PlatformEvent(kind, null, login, detail));
    }
}
