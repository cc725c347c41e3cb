package app.strongroom.catalog.backup;

import app.strongroom.catalog.TenantId;
import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * One backup run, of every tenant or of one, and which server instance is carrying it out. An instance gives signs of
 * life while it runs; a run that stopped giving them (its instance was killed) may be taken over and resumed.
 */
@Entity
@Table(name = "backup_run")
@NamedQuery(name = BackupRun.UNFINISHED, query = "select r from BackupRun r where r.finishedAt is null order by r.startedAt")
@NamedQuery(name = BackupRun.RECENT, query = "select r from BackupRun r order by r.startedAt desc")
@NamedQuery(name = BackupRun.BEAT, query = "update BackupRun r set r.heartbeatAt = :now"
        + " where r.runKey = :run and r.finishedAt is null")
@NamedQuery(name = BackupRun.FINISH, query = "update BackupRun r set r.finishedAt = :now"
        + " where r.runKey = :run and r.finishedAt is null")
@NamedQuery(name = BackupRun.BEAT_OWN, query = "update BackupRun r set r.heartbeatAt = :now"
        + " where r.claimedBy = :instance and r.finishedAt is null")
public class BackupRun {
    public static final String UNFINISHED = "BackupRun.unfinished";
    public static final String RECENT = "BackupRun.recent";
    /** A sign of life: a plain update, so parallel partitions and the watch never conflict over the row's version. */
    public static final String BEAT = "BackupRun.beat";
    public static final String BEAT_OWN = "BackupRun.beatOwn";
    /**
     * The end of a run: a plain update as well, because the job's last step and an operator stopping it may both end
     * it at the same moment, and the second must not fail over the row's version.
     */
    public static final String FINISH = "BackupRun.finish";

    @Id
    @Column(name = "run_key")
    private String runKey;
    /** Text, not uuid: the column is null for a run of every tenant, and a null is bound as text. */
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;
    @Column(name = "heartbeat_at", nullable = false)
    private OffsetDateTime heartbeatAt;
    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;
    @Column(name = "claimed_by", nullable = false)
    private String claimedBy;
    @Version
    private long version;

    protected BackupRun() {
    }

    public BackupRun(String runKey, Optional<TenantId> tenant, String instance, Instant now) {
        this.runKey = Require.text("run", runKey, 64);
        this.tenantId = tenant.map(t -> t.value().toString()).orElse(null);
        this.claimedBy = Require.text("instance", instance, 100);
        this.startedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        this.heartbeatAt = startedAt;
    }

    public void beat(Instant now) {
        this.heartbeatAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /** An operator restarted it: not finished any more, and carried on by {@code instance}. */
    public void carryOn(String instance, Instant now) {
        this.finishedAt = null;
        takeOver(instance, now);
    }

    /** Whether the instance carrying it out stopped giving signs of life more than {@code staleAfter} ago. */
    public boolean isAbandoned(Instant now, Duration staleAfter) {
        return finishedAt == null && heartbeatAt.toInstant().plus(staleAfter).isBefore(now);
    }

    /** Another instance (or this one after a restart) carries the run on. */
    public void takeOver(String instance, Instant now) {
        this.claimedBy = Require.text("instance", instance, 100);
        beat(now);
    }

    public String runKey() {
        return runKey;
    }

    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenantId).map(TenantId::parse);
    }

    public String claimedBy() {
        return claimedBy;
    }

    public boolean isFinished() {
        return finishedAt != null;
    }

    public Instant startedAt() {
        return startedAt.toInstant();
    }
}
