package app.strongroom.backup;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Which instance runs a scheduled job on a given day: the first to insert the (job, day) row. Every instance's timer
 * fires; the database's primary key lets exactly one of them through, without any clock agreement beyond the day.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScheduledRuns {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;
    @Inject
    ServerInstance instance;

    /** True for the one caller that claims the job for the day. */
    public boolean claim(String job, LocalDate day) {
        int inserted = em.createNativeQuery("insert into scheduled_run (job, day, claimed_by, claimed_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, job).setParameter(2, day).setParameter(3, instance.name())
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        return inserted == 1;
    }
}
