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
        // Another instance opening the same alarm at the same moment is stopped by the unique index on open alarms.
        em.persist(new Alarm(kind, subject, detail, now));
        em.flush();
        return true;
    }

    public boolean clear(AlarmKind kind, String subject, Instant now) {
        Optional<Alarm> open = open(kind, subject);
        open.ifPresent(a -> a.clear(now));
        return open.isPresent();
    }

    /** Takes the mailing of the alarm for this caller; false when another took it first. */
    public boolean claimMail(UUID alarm, Instant now) {
        return em.createNamedQuery(Alarm.CLAIM_MAIL).setParameter("now", at(now)).setParameter("id", alarm)
                .executeUpdate() == 1;
    }

    public void unclaimMail(UUID alarm, Instant claimedAt) {
        em.createNamedQuery(Alarm.UNCLAIM_MAIL).setParameter("id", alarm).setParameter("at", at(claimedAt))
                .executeUpdate();
    }

    /** Clears every open alarm about {@code subject} (a tenant deleted); returns how many. */
    public int clearAbout(String subject, Instant now) {
        List<Alarm> open = em.createNamedQuery(Alarm.OPEN_ABOUT, Alarm.class).setParameter("subject", subject)
                .getResultList();
        open.forEach(a -> a.clear(now));
        return open.size();
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
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
