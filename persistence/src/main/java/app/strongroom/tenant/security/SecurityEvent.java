package app.strongroom.tenant.security;

import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One entry of the tenant's security audit trail. Append-only: the entity has no mutators and the tenant's database
 * role is refused UPDATE and DELETE on the table.
 */
@Entity
@Table(name = "security_event")
@NamedQuery(name = SecurityEvent.SINCE, query = "select e from SecurityEvent e where e.occurredAt >= :since "
        + "and e.kind = :kind order by e.occurredAt desc")
@NamedQuery(name = SecurityEvent.LATEST, query = "select e from SecurityEvent e order by e.occurredAt desc, e.id desc")
public class SecurityEvent {
    public static final String SINCE = "SecurityEvent.since";
    public static final String LATEST = "SecurityEvent.latest";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SecurityEventKind kind;
    private String login;
    @Column(name = "client_address")
    private String clientAddress;
    private String actor;
    private String detail;

    protected SecurityEvent() {
    }

    public SecurityEvent(SecurityEventKind kind, String login, String clientAddress, String actor, String detail) {
        this.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.kind = Require.present("kind", kind);
        this.login = Require.optionalText("login", login, 64);
        this.clientAddress = Require.optionalText("client address", clientAddress, 64);
        this.actor = Require.optionalText("actor", actor, 64);
        this.detail = Require.optionalText("detail", detail, 500);
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public SecurityEventKind kind() {
        return kind;
    }

    public String login() {
        return login;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String actor() {
        return actor;
    }

    public String detail() {
        return detail;
    }
}
