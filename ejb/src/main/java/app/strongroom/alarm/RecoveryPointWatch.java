package app.strongroom.alarm;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantStatus;
import app.strongroom.catalog.alarm.AlarmKind;
import app.strongroom.catalog.site.RecoveryPoint;
import app.strongroom.sites.BackupSafety;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags every active tenant whose newest safe backup is older than the recovery point objective (24 hours), or that
 * has had none for that long: an alarm per tenant, opened once and cleared when a safe backup arrives. The clock is a
 * parameter, so the rule can be shown with time moved on.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecoveryPointWatch {
    @EJB
    TenantCatalog tenants;
    @EJB
    BackupSafety safety;
    @EJB
    Alarms alarms;

    /** A tenant past its objective, and by how much. */
    public record Missed(String tenant, Duration exposure) {
    }

    public List<Missed> check(Clock clock) {
        List<Missed> missed = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            if (tenant.status() != TenantStatus.ACTIVE) {
                alarms.clear(AlarmKind.RECOVERY_POINT_MISSED, tenant.slug().value(), clock);
                continue;
            }
            try {
                check(tenant, clock).ifPresent(missed::add);
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(RecoveryPointWatch.class.getName()).log(java.util.logging.Level.WARNING,
                        "the recovery point of tenant " + tenant.slug() + " could not be checked", e);
            }
        }
        alarms.mailPending(clock);
        return missed;
    }

    private java.util.Optional<Missed> check(Tenant tenant, Clock clock) {
        RecoveryPoint point = new RecoveryPoint(tenant.createdAt().toInstant(),
                safety.newestSafe(tenant.id()).map(a -> a.backup().startedAt()));
        String subject = tenant.slug().value();
        if (point.isPastObjective(clock.instant())) {
            Duration exposure = point.exposure(clock.instant());
            alarms.raise(AlarmKind.RECOVERY_POINT_MISSED, subject, "Tenant " + subject + " ("
                    + tenant.id().value() + ") has " + point.newestSafeBackup().map(at -> "no safe backup newer than "
                    + at).orElse("no safe backup at all") + ": " + exposure.toHours() + " h of data would be lost, "
                    + "more than the " + RecoveryPoint.OBJECTIVE.toHours() + " h objective. A backup is safe once it "
                    + "is verified on 3 sites on 2 continents; see the staff status page for the sites.", clock);
            return java.util.Optional.of(new Missed(subject, exposure));
        }
        alarms.clear(AlarmKind.RECOVERY_POINT_MISSED, subject, clock);
        return java.util.Optional.empty();
    }
}
