package app.strongroom.catalog.restore;

import app.strongroom.catalog.TenantDatabase;
import app.strongroom.catalog.TenantId;
import app.strongroom.common.Reasons;
import app.strongroom.common.Require;
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
import java.util.regex.Pattern;

/**
 * One restore of one backup, asked for by a helpdesk member with a reason (the ticket). It names its database from the
 * start, so whatever a killed server left behind is known for what it is: the restored copy ({@link #databaseName()}),
 * and for a live restore the tenant's previous database once it was swapped out ({@link #replacedDatabaseName()}).
 */
@Entity
@Table(name = "restore_run")
@NamedQuery(name = RestoreRun.OF_TENANT,
        query = "select r from RestoreRun r where r.tenantId = :tenant order by r.requestedAt desc")
@NamedQuery(name = RestoreRun.UNFINISHED, query = "select r from RestoreRun r where r.state in "
        + "(app.strongroom.catalog.restore.RestoreState.REQUESTED, app.strongroom.catalog.restore.RestoreState.RUNNING) "
        + "and (r.heartbeatAt is null or r.heartbeatAt < :before) and r.requestedAt < :before")
@NamedQuery(name = RestoreRun.OPEN_SIDES_OF_TENANT, query = "select r from RestoreRun r where r.tenantId = :tenant "
        + "and r.mode = app.strongroom.catalog.restore.RestoreMode.SIDE and r.discardedAt is null "
        + "and r.state <> app.strongroom.catalog.restore.RestoreState.FAILED")
public class RestoreRun {
    public static final String OF_TENANT = "RestoreRun.ofTenant";
    public static final String UNFINISHED = "RestoreRun.unfinished";
    public static final String OPEN_SIDES_OF_TENANT = "RestoreRun.openSidesOfTenant";
    /** A ticket reference or a sentence: enough to find why, never a place for the tenant's data. */
    public static final int REASON_MAX = 200;
    private static final Pattern REASON = Pattern.compile("[^\\p{Cntrl}]{3," + REASON_MAX + "}");
    private static final int FAILURE_MAX = 1000;

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(name = "backup_id", nullable = false)
    private UUID backupId;
    @Column(name = "backup_taken_at", nullable = false)
    private OffsetDateTime backupTakenAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RestoreMode mode;
    @Column(nullable = false)
    private String reason;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RestoreState state;
    @Column(name = "heartbeat_at")
    private OffsetDateTime heartbeatAt;
    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;
    @Column(name = "database_name", nullable = false)
    private String databaseName;
    @Column(name = "safety_backup_id")
    private String safetyBackupId;
    private String owner;
    @Column(name = "migrated_from")
    private Integer migratedFrom;
    private String failure;
    @Column(name = "discarded_at")
    private OffsetDateTime discardedAt;
    @Column(name = "discarded_by")
    private String discardedBy;
    @Version
    private long version;

    protected RestoreRun() {
    }

    private RestoreRun(TenantId tenant, UUID backup, Instant backupTakenAt, RestoreMode mode, String reason,
                       String staff, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = Require.present("tenant", tenant).value();
        this.backupId = Require.present("backup", backup);
        this.backupTakenAt = at(Require.present("backup time", backupTakenAt));
        this.mode = Require.present("mode", mode);
        this.reason = Require.matching("reason", reason == null ? null : reason.strip(), REASON,
                "3 to " + REASON_MAX + " characters on one line, such as the ticket reference");
        this.requestedBy = Require.text("staff member", staff, 64);
        this.requestedAt = at(now);
        this.state = RestoreState.REQUESTED;
        this.databaseName = TenantDatabase.databaseName(tenant) + "_r" + hex12(id);
    }

    /** A restore asked for by {@code staff} for {@code reason}; nothing has changed yet. */
    public static RestoreRun request(TenantId tenant, UUID backup, Instant backupTakenAt, RestoreMode mode,
                                     String reason, String staff, Instant now) {
        return new RestoreRun(tenant, backup, backupTakenAt, mode, reason, staff, now);
    }

    /** Taken up by the server that drew {@code owner}; false if another took it or it has ended already. */
    public boolean begin(Instant now, UUID owner) {
        if (state != RestoreState.REQUESTED) {
            return false;
        }
        state = RestoreState.RUNNING;
        heartbeatAt = at(now);
        this.owner = Require.present("owner", owner).toString();
        return true;
    }

    /**
     * Taken over by the recovery of a server that drew {@code owner}, after its owner stopped beating: the former
     * owner can no longer swap databases or end it.
     */
    public void takeOver(Instant now, UUID owner) {
        if (state.isFinished()) {
            throw new IllegalStateException("restore " + id + " has ended already");
        }
        state = RestoreState.RUNNING;
        heartbeatAt = at(now);
        this.owner = Require.present("owner", owner).toString();
    }

    /** Whether it is running and {@code owner} is the server working on it. */
    public boolean isOwnedBy(UUID owner) {
        return state == RestoreState.RUNNING && owner != null && owner.toString().equals(this.owner);
    }

    /** The server working on it is alive; a restore whose heartbeat stops is finished by the next server to start. */
    public void beat(Instant now) {
        requireRunning();
        heartbeatAt = at(now);
    }

    /** When a server last showed it was working on this restore (or when it was asked for). */
    public Instant lastSignOfLife() {
        return (heartbeatAt == null ? requestedAt : heartbeatAt).toInstant();
    }

    /** The live database was backed up, and that backup pinned, before anything is replaced. */
    public void safetyBackup(UUID backup) {
        requireRunning();
        if (mode != RestoreMode.LIVE) {
            throw new IllegalStateException("only a live restore backs up the database it replaces");
        }
        safetyBackupId = Require.present("safety backup", backup).toString();
    }

    /** The backup was older than the current schema and was migrated up from {@code version}. */
    public void migratedFrom(int version) {
        requireRunning();
        migratedFrom = version;
    }

    public void succeed(Instant now) {
        requireRunning();
        state = RestoreState.DONE;
        finishedAt = at(now);
    }

    public void fail(String why, Instant now) {
        if (state.isFinished()) {
            throw new IllegalStateException("restore " + id + " has ended already");
        }
        state = RestoreState.FAILED;
        failure = Reasons.fit(why, "no reason given", FAILURE_MAX);
        finishedAt = at(now);
    }

    /** A side database is dropped when its tenant (or the helpdesk) has no more use for it. */
    public void discard(String by, Instant now) {
        if (!isOpenSide()) {
            throw new IllegalStateException("restore " + id + " has no side database to discard");
        }
        discardedBy = Require.text("discarded by", by, 64);
        discardedAt = at(now);
    }

    /** A side database that exists and may be opened. */
    public boolean isOpenSide() {
        return mode == RestoreMode.SIDE && state == RestoreState.DONE && discardedAt == null;
    }

    private void requireRunning() {
        if (state != RestoreState.RUNNING) {
            throw new IllegalStateException("restore " + id + " is " + state + ", not running");
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String hex12(UUID id) {
        return id.toString().replace("-", "").substring(0, 12);
    }

    public UUID id() {
        return id;
    }

    public TenantId tenant() {
        return new TenantId(tenantId);
    }

    public UUID backup() {
        return backupId;
    }

    public Instant backupTakenAt() {
        return backupTakenAt.toInstant();
    }

    public RestoreMode mode() {
        return mode;
    }

    public String reason() {
        return reason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt.toInstant();
    }

    public RestoreState state() {
        return state;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Duration> duration() {
        return finishedAt().map(end -> Duration.between(requestedAt.toInstant(), end));
    }

    /** The database the backup is restored into: the side database, or the one that becomes the live database. */
    public String databaseName() {
        return databaseName;
    }

    /** Where a live restore puts the database it replaces, until it is dropped. */
    public String replacedDatabaseName() {
        return TenantDatabase.databaseName(tenant()) + "_p" + hex12(id);
    }

    public Optional<UUID> safetyBackupId() {
        return Optional.ofNullable(safetyBackupId).map(UUID::fromString);
    }

    public Optional<Integer> migratedFromVersion() {
        return Optional.ofNullable(migratedFrom);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Optional<Instant> discardedAt() {
        return Optional.ofNullable(discardedAt).map(OffsetDateTime::toInstant);
    }
}
