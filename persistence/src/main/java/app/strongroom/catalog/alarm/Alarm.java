package app.strongroom.catalog.alarm;

import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * An incident: open from when it is raised until its condition clears. The operators are mailed once per incident,
 * however often the condition is seen again while it stays open (the database allows one open alarm per kind and
 * subject).
 */
@Entity
@Table(name = "alarm")
@NamedQuery(name = Alarm.OPEN, query = "select a from Alarm a where a.clearedAt is null order by a.raisedAt")
@NamedQuery(name = Alarm.OPEN_OF, query = "select a from Alarm a where a.clearedAt is null and a.kind = :kind"
        + " and a.subject = :subject")
@NamedQuery(name = Alarm.UNMAILED, query = "select a from Alarm a where a.clearedAt is null and a.mailedAt is null")
@NamedQuery(name = Alarm.CLAIM_MAIL, query = "update Alarm a set a.mailedAt = :now where a.id = :id and a.mailedAt is null")
@NamedQuery(name = Alarm.UNCLAIM_MAIL, query = "update Alarm a set a.mailedAt = null where a.id = :id and a.mailedAt = :at")
@NamedQuery(name = Alarm.OPEN_ABOUT, query = "select a from Alarm a where a.clearedAt is null and a.subject = :subject")
public class Alarm {
    public static final String OPEN = "Alarm.open";
    public static final String OPEN_OF = "Alarm.openOf";
    public static final String UNMAILED = "Alarm.unmailed";
    /** One instance takes the mailing of an alarm: the operators hear of it once however many instances saw it. */
    public static final String CLAIM_MAIL = "Alarm.claimMail";
    /** The mail could not be sent: the next attempt, by any instance, sends it. */
    public static final String UNCLAIM_MAIL = "Alarm.unclaimMail";
    public static final String OPEN_ABOUT = "Alarm.openAbout";
    private static final int DETAIL_MAX = 1000;

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlarmKind kind;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String detail;
    @Column(name = "raised_at", nullable = false)
    private OffsetDateTime raisedAt;
    @Column(name = "mailed_at")
    private OffsetDateTime mailedAt;
    @Column(name = "cleared_at")
    private OffsetDateTime clearedAt;
    @Version
    private long version;

    protected Alarm() {
    }

    public Alarm(AlarmKind kind, String subject, String detail, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = Require.present("kind", kind);
        this.subject = Require.text("subject", subject, 100);
        this.detail = shorten(detail);
        this.raisedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /** Seen again while open: the newest detail is kept, nobody is mailed again. */
    public void seenAgain(String detail) {
        this.detail = shorten(detail);
    }

    public void mailed(Instant now) {
        this.mailedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    public void clear(Instant now) {
        if (clearedAt == null) {
            this.clearedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        }
    }

    private static String shorten(String detail) {
        return app.strongroom.common.Reasons.fit(detail, "no detail", DETAIL_MAX);
    }

    public UUID id() {
        return id;
    }

    public AlarmKind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public String detail() {
        return detail;
    }

    public Instant raisedAt() {
        return raisedAt.toInstant();
    }

    public Optional<Instant> mailedAt() {
        return Optional.ofNullable(mailedAt).map(OffsetDateTime::toInstant);
    }

    public boolean isOpen() {
        return clearedAt == null;
    }
}
