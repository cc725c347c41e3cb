package app.strongroom.catalog.backup;

import app.strongroom.catalog.TenantId;
import app.strongroom.common.Require;
import app.strongroom.vault.location.BackupName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** One backup attempt of one tenant: what was written, whether it is good, and if not, why. */
@Entity
@Table(name = "backup")
@NamedQuery(name = Backup.OF_TENANT, query = "select b from Backup b where b.tenantId = :tenant order by b.startedAt desc")
@NamedQuery(name = Backup.GOOD_OF_TENANT, query = "select b from Backup b where b.tenantId = :tenant"
        + " and b.state = app.strongroom.catalog.backup.BackupState.GOOD order by b.startedAt desc")
@NamedQuery(name = Backup.OF_TENANT_IN_RUN, query = "select b from Backup b where b.tenantId = :tenant and b.runKey = :run")
@NamedQuery(name = Backup.RUNNING, query = "select b from Backup b where b.state = app.strongroom.catalog.backup.BackupState.RUNNING")
@NamedQuery(name = Backup.GOOD, query = "select b from Backup b where b.state = app.strongroom.catalog.backup.BackupState.GOOD")
@jakarta.persistence.NamedNativeQuery(name = Backup.DAILY_SIZES, query = "select day, sum(size_bytes), count(*) from ("
        + "select distinct on (tenant_id, date(started_at at time zone 'UTC')) date(started_at at time zone 'UTC') as day,"
        + " size_bytes from backup where size_bytes is not null and started_at >= ?1"
        + " order by tenant_id, date(started_at at time zone 'UTC'), started_at desc) newest group by day order by day")
public class Backup {
    public static final String OF_TENANT = "Backup.ofTenant";
    public static final String GOOD_OF_TENANT = "Backup.goodOfTenant";
    public static final String OF_TENANT_IN_RUN = "Backup.ofTenantInRun";
    public static final String RUNNING = "Backup.running";
    public static final String GOOD = "Backup.good";
    /**
     * Per UTC day since {@code ?1}: the bytes of every tenant's newest backup made that day that was good (retention
     * may have deleted it since), and how many tenants that is. Rows of (date, bytes, tenants), oldest first.
     */
    public static final String DAILY_SIZES = "Backup.dailySizes";
    private static final int FAILURE_MAX = 1000;

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(name = "run_key", nullable = false)
    private String runKey;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BackupState state;
    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;
    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    private String sha256;
    @Column(name = "key_id")
    private Integer keyId;
    @Column(name = "schema_version")
    private Integer schemaVersion;
    @Column(name = "duration_ms")
    private Long durationMs;
    private String failure;
    @Column(nullable = false)
    private boolean pinned;
    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;
    @Version
    private long version;

    protected Backup() {
    }

    private Backup(TenantId tenant, String runKey, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = Require.present("tenant", tenant).value();
        this.runKey = Require.text("run", runKey, 64);
        this.startedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        this.fileName = BackupName.at(now, id).fileName();
        this.state = BackupState.RUNNING;
    }

    /** A backup that is about to be written, as part of the run {@code runKey} (one batch job instance, say). */
    public static Backup start(TenantId tenant, String runKey, Instant now) {
        return new Backup(tenant, runKey, now);
    }

    /** Written whole and its digest checked: it counts from now on. */
    public void succeed(long size, String sha256, int keyId, int schemaVersion, Instant now) {
        requireState(BackupState.RUNNING, "succeed");
        this.sizeBytes = size;
        this.sha256 = Require.text("digest", sha256, 64);
        this.keyId = keyId;
        this.schemaVersion = schemaVersion;
        finish(BackupState.GOOD, now);
    }

    /** Did not complete; {@code reason} says why, for the staff. */
    public void fail(String reason, Instant now) {
        requireState(BackupState.RUNNING, "fail");
        this.failure = app.strongroom.common.Reasons.fit(reason, "no reason given", FAILURE_MAX);
        finish(BackupState.FAILED, now);
    }

    /** Retention removed it. A pinned backup is never deleted. */
    public void delete(Instant now) {
        requireState(BackupState.GOOD, "delete");
        if (pinned) {
            throw new IllegalStateException("backup " + id + " is pinned");
        }
        this.state = BackupState.DELETED;
        this.deletedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /** Kept outside the retention rules until unpinned (before a restore, say). */
    public void pin() {
        requireState(BackupState.GOOD, "pin");
        this.pinned = true;
    }

    public void unpin() {
        this.pinned = false;
    }

    private void finish(BackupState outcome, Instant now) {
        this.state = outcome;
        this.finishedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        this.durationMs = Duration.between(startedAt.toInstant(), now).toMillis();
    }

    private void requireState(BackupState expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + action + " backup " + id + ": it is " + state);
        }
    }

    public UUID id() {
        return id;
    }

    public TenantId tenant() {
        return new TenantId(tenantId);
    }

    public String runKey() {
        return runKey;
    }

    public BackupName name() {
        return BackupName.of(fileName);
    }

    public BackupState state() {
        return state;
    }

    public boolean isGood() {
        return state == BackupState.GOOD;
    }

    public boolean isPinned() {
        return pinned;
    }

    public Instant startedAt() {
        return startedAt.toInstant();
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Long> size() {
        return Optional.ofNullable(sizeBytes);
    }

    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    public Optional<Integer> keyId() {
        return Optional.ofNullable(keyId);
    }

    public Optional<Integer> schemaVersion() {
        return Optional.ofNullable(schemaVersion);
    }

    public Optional<Long> durationMs() {
        return Optional.ofNullable(durationMs);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
