package app.strongroom.catalog.drill;

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
import java.util.Optional;
import java.util.UUID;

/** One drill of one tenant: which backup, fetched from which site, and whether it restored whole, in how long. */
@Entity
@Table(name = "drill_run")
@NamedQuery(name = DrillRun.OF_TENANT, query = "select d from DrillRun d where d.tenantId = :tenant order by d.startedAt desc")
@NamedQuery(name = DrillRun.RECENT, query = "select d from DrillRun d order by d.startedAt desc")
@NamedQuery(name = DrillRun.RESTORE_TIMES, query = "select d.startedAt, d.restoreMs from DrillRun d"
        + " where d.ok = true and d.startedAt >= :since order by d.startedAt")
@NamedQuery(name = DrillRun.UNFINISHED, query = "select d from DrillRun d where d.finishedAt is null and d.startedAt < :before")
public class DrillRun {
    public static final String OF_TENANT = "DrillRun.ofTenant";
    public static final String RECENT = "DrillRun.recent";
    public static final String UNFINISHED = "DrillRun.unfinished";
    /** When each drill that passed since {@code :since} began, and its restore time in ms, oldest first. */
    public static final String RESTORE_TIMES = "DrillRun.restoreTimes";
    private static final int FAILURE_MAX = 1000;

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(name = "backup_id")
    private UUID backupId;
    private String site;
    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;
    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;
    @Column(name = "restore_ms")
    private Long restoreMs;
    private Long bytes;
    private Integer tables;
    @Column(name = "rows_checked")
    private Long rowsChecked;
    private Boolean ok;
    private String failure;

    protected DrillRun() {
    }

    private DrillRun(TenantId tenant, UUID backup, String site, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = Require.present("tenant", tenant).value();
        this.backupId = Require.present("backup", backup);
        this.site = Require.text("site", site, 40);
        this.startedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /** A drill of {@code backup} fetched from {@code site}, recorded before the restore so a failure still names them. */
    public static DrillRun start(TenantId tenant, UUID backup, String site, Instant now) {
        return new DrillRun(tenant, backup, site, now);
    }

    public void passed(Duration restore, long bytes, int tables, long rows, Instant now) {
        requireOpen();
        this.restoreMs = restore.toMillis();
        this.bytes = bytes;
        this.tables = tables;
        this.rowsChecked = rows;
        this.ok = true;
        this.finishedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    public void failed(String reason, Instant now) {
        requireOpen();
        this.failure = app.strongroom.common.Reasons.fit(reason, "no reason given", FAILURE_MAX);
        this.ok = false;
        this.finishedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    private void requireOpen() {
        if (ok != null) {
            throw new IllegalStateException("drill " + id + " has finished already");
        }
    }

    public UUID id() {
        return id;
    }

    public TenantId tenant() {
        return new TenantId(tenantId);
    }

    public Optional<UUID> backup() {
        return Optional.ofNullable(backupId);
    }

    public Optional<String> site() {
        return Optional.ofNullable(site);
    }

    public Instant startedAt() {
        return startedAt.toInstant();
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Duration> restoreTime() {
        return Optional.ofNullable(restoreMs).map(Duration::ofMillis);
    }

    public Optional<Long> bytes() {
        return Optional.ofNullable(bytes);
    }

    public Optional<Integer> tables() {
        return Optional.ofNullable(tables);
    }

    public Optional<Long> rowsChecked() {
        return Optional.ofNullable(rowsChecked);
    }

    /** Empty while it runs. */
    public Optional<Boolean> passed() {
        return Optional.ofNullable(ok);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
