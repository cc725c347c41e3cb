package app.strongroom.catalog;

import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A security event of the platform as a whole (an address blocked across tenants, a staff lock-out). Append-only. */
@Entity
@Table(name = "platform_event")
@NamedQuery(name = PlatformEvent.LATEST, query = "select e from PlatformEvent e order by e.occurredAt desc, e.id desc")
public class PlatformEvent {
    public static final String LATEST = "PlatformEvent.latest";
    public static final String ADDRESS_BLOCKED = "ADDRESS_BLOCKED";
    public static final String STAFF_LOCKED = "STAFF_LOCKED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;
    @Column(nullable = false)
    private String kind;
    @Column(name = "client_address")
    private String clientAddress;
    private String login;
    private String detail;

    protected PlatformEvent() {
    }

    public PlatformEvent(String kind, String clientAddress, String login, String detail) {
        this.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.kind = Require.text("kind", kind, 30);
        this.clientAddress = Require.optionalText("client address", clientAddress, 64);
        this.login = Require.optionalText("login", login, 64);
        this.detail = Require.optionalText("detail", detail, 500);
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String kind() {
        return kind;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String login() {
        return login;
    }

    public String detail() {
        return detail;
    }
}
