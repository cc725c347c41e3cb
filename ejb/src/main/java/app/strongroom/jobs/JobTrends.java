package app.strongroom.jobs;

import app.strongroom.catalog.backup.Backup;
import app.strongroom.catalog.drill.DrillRun;
import app.strongroom.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** What the jobs came to over time, for the console's charts: the size of a day's backups, the drills' restore times. */
@Stateless
@RolesAllowed(Role.Names.PLATFORM_OPERATOR)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JobTrends {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** The platform's backup on one UTC day: every tenant's newest good backup of the day, added up. */
    public record DailyBackupSize(LocalDate day, long bytes, long tenants) {
    }

    /** One drill that passed: when it began, how long the restore took. */
    public record DrillTime(Instant startedAt, Duration restore) {
    }

    /** The last {@code days} days, oldest first; days without a backup are left out. */
    public List<DailyBackupSize> backupSizes(int days) {
        List<?> rows = em.createNamedQuery(Backup.DAILY_SIZES).setParameter(1, since(days)).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new DailyBackupSize(day(row[0]),
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue())).toList();
    }

    /** The drills that passed in the last {@code days} days, oldest first. */
    public List<DrillTime> drillTimes(int days) {
        return em.createNamedQuery(DrillRun.RESTORE_TIMES, Object[].class).setParameter("since", since(days))
                .getResultStream().map(row -> new DrillTime(((OffsetDateTime) row[0]).toInstant(),
                        Duration.ofMillis(((Number) row[1]).longValue()))).toList();
    }

    private OffsetDateTime since(int days) {
        if (days < 1 || days > 3660) {
            throw new JobRefusedException("a chart covers 1 to 3660 days");
        }
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days);
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : LocalDate.parse(value.toString());
    }
}
