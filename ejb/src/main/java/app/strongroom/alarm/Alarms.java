package app.strongroom.alarm;

import app.strongroom.catalog.alarm.Alarm;
import app.strongroom.catalog.alarm.AlarmKind;
import app.strongroom.common.EmailAddress;
import app.strongroom.mail.Mailer;
import app.strongroom.mail.OutgoingMail;
import app.strongroom.platform.PlatformSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises and clears alarms and mails the operators ({@code strongroom.alarm.mail-to}) once per incident. An alarm whose
 * mail could not be sent stays unmailed and is sent by the next {@link #mailPending}: the incident is never lost, and
 * never mailed twice.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Alarms {
    private static final Logger LOG = Logger.getLogger(Alarms.class.getName());

    @EJB
    AlarmRecords records;
    @Inject
    Mailer mailer;
    @Inject
    PlatformSettings settings;

    public void raise(AlarmKind kind, String subject, String detail, Clock clock) {
        boolean opened;
        try {
            opened = records.raise(kind, subject, detail, clock.instant());
        } catch (jakarta.ejb.EJBException raisedElsewhere) {
            // Another instance opened it at the same moment (the unique index on open alarms): it is open, once.
            LOG.fine(() -> "alarm " + kind + " for " + subject + " was opened by another instance");
            return;
        }
        if (opened) {
            LOG.warning(() -> "alarm " + kind + " for " + subject + ": " + detail);
            mailPending(clock);
        }
    }

    /** The subject is gone (a tenant deleted): nothing about it stays open. */
    public void clearAbout(String subject, Clock clock) {
        records.clearAbout(subject, clock.instant());
    }

    public void clear(AlarmKind kind, String subject, Clock clock) {
        if (records.clear(kind, subject, clock.instant())) {
            LOG.info(() -> "alarm " + kind + " for " + subject + " cleared");
        }
    }

    public List<Alarm> open() {
        return records.open();
    }

    /** Mails every open alarm nobody was told of yet. */
    public void mailPending(Clock clock) {
        List<EmailAddress> to = settings.alarmRecipients();
        if (to.isEmpty()) {
            return;
        }
        for (Alarm alarm : records.unmailed()) {
            Instant claimed = clock.instant();
            if (!records.claimMail(alarm.id(), claimed)) {
                continue;
            }
            try {
                for (EmailAddress recipient : to) {
                    mailer.send(new OutgoingMail(recipient, subject(alarm), body(alarm)));
                }
            } catch (RuntimeException e) {
                records.unclaimMail(alarm.id(), claimed);
                LOG.log(Level.WARNING, "the operators could not be mailed about alarm " + alarm.id()
                        + "; it is tried again", e);
            }
        }
    }

    static String subject(Alarm alarm) {
        return switch (alarm.kind()) {
            case RECOVERY_POINT_MISSED -> "[Strongroom] Recovery point missed: " + alarm.subject();
            case DRILL_FAILED -> "[Strongroom] Restore drill failed: " + alarm.subject();
        };
    }

    static String body(Alarm alarm) {
        return "Alarm raised at " + alarm.raisedAt() + " (UTC).\n\n" + alarm.detail()
                + "\n\nYou are told once per incident. The staff status page shows it until the condition clears.\n";
    }
}
