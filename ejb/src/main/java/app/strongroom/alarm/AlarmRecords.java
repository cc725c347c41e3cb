package app.strongroom.alarm;

import app.strongroom.catalog.alarm.Alarm;
import app.strongroom.catalog.alarm.AlarmKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The catalog's alarms; each change a transaction of its own. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AlarmRecords {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    /** Opens an alarm, or refreshes the open one; true when a new incident was opened. */
    public boolean raise(AlarmKind kind, String subject, String detail, Instant now) {
        Optional<Alarm> open = open(kind, subject);
        if (open.isPresent()) {
            open.get().seenAgain(detail);
            return false;
        }
        em.persist(new Alarm(kind, subject, detail, now));
        return true;
    }

    public boolean clear(AlarmKind kind, String subject, Instant now) {
        Optional<Alarm> open = open(kind, subject);
        open.ifPresent(a -> a.clear(now));
        return open.isPresent();
    }

    public void mailed(UUID alarm, Instant now) {
        Optional.ofNullable(em.find(Alarm.class, alarm)).ifPresent(a -> a.mailed(now));
    }

    public List<Alarm> open() {
        return em.createNamedQuery(Alarm.OPEN, Alarm.class).getResultList();
    }

    public List<Alarm> unmailed() {
        return em.createNamedQuery(Alarm.UNMAILED, Alarm.class).getResultList();
    }

    private Optional<Alarm> open(AlarmKind kind, String subject) {
        return em.createNamedQuery(Alarm.OPEN_OF, Alarm.class).setParameter("kind", kind)
                .setParameter("subject", subject).getResultStream().findFirst();
    }
}
