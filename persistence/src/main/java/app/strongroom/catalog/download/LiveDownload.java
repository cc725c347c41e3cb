package app.strongroom.catalog.download;

import app.strongroom.catalog.TenantId;
import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The live download of a tenant that is running: one row per tenant at most (the primary key is the lock), held by
 * one download of one server instance, which renews its lease while it streams. A lease that ran out is a download
 * whose server died: it counts for nothing and the next download removes it.
 */
@Entity
@Table(name = "live_download")
@NamedQuery(name = LiveDownload.REMOVE_EXPIRED, query = "delete from LiveDownload d where d.tenantId = :tenant"
        + " and d.leaseUntil < :now")
@NamedQuery(name = LiveDownload.RELEASE, query = "delete from LiveDownload d where d.tenantId = :tenant"
        + " and d.holder = :holder")
@NamedQuery(name = LiveDownload.RENEW, query = "update LiveDownload d set d.leaseUntil = :until"
        + " where d.holder = :holder")
@NamedQuery(name = LiveDownload.RELEASE_ALL_OF, query = "delete from LiveDownload d"
        + " where substring(d.holder, 1, :length) = :instance")
public class LiveDownload {
    public static final String REMOVE_EXPIRED = "LiveDownload.removeExpired";
    public static final String RELEASE = "LiveDownload.release";
    public static final String RENEW = "LiveDownload.renew";
    /** Every download of a server instance that is stopping: the tenants need not wait for their leases to run out. */
    public static final String RELEASE_ALL_OF = "LiveDownload.releaseAllOf";
    /** How long a download holds the tenant without renewing: what a server that died costs the tenant at most. */
    public static final Duration LEASE = Duration.ofSeconds(60);
    /** How often a running download renews its lease: several times a lease, so one slow renewal is harmless. */
    public static final Duration RENEW_EVERY = Duration.ofSeconds(15);

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(nullable = false)
    private String holder;
    @Column(nullable = false)
    private String login;
    @Column(name = "client_address")
    private String clientAddress;
    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;
    @Column(name = "lease_until", nullable = false)
    private OffsetDateTime leaseUntil;

    protected LiveDownload() {
    }

    /** The download {@code holder} (its server instance and its own id) of {@code login} starts now. */
    public LiveDownload(TenantId tenant, String holder, String login, String clientAddress, Instant now) {
        this.tenantId = Require.present("tenant", tenant).value();
        this.holder = Require.text("holder", holder, 150);
        this.login = Require.text("login", login, 64);
        this.clientAddress = Require.optionalText("client address", clientAddress, 64);
        this.startedAt = at(now);
        this.leaseUntil = at(now.plus(LEASE));
    }

    /** Whether the download still holds the tenant: its lease has not run out. */
    public boolean isRunning(Instant now) {
        return leaseUntil.toInstant().isAfter(now);
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public TenantId tenant() {
        return new TenantId(tenantId);
    }

    public String holder() {
        return holder;
    }

    public String login() {
        return login;
    }

    public Instant startedAt() {
        return startedAt.toInstant();
    }

    public Instant leaseUntil() {
        return leaseUntil.toInstant();
    }
}
