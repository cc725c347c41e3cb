package app.strongroom.catalog.site;

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

/**
 * A site's replication state: when it was last worked on and with what outcome. After a failed pass the next one
 * waits, doubling with each failure in a row up to {@link #MAX_BACKOFF}, so a site that is down is neither hammered
 * nor forgotten; the first good pass resets it.
 */
@Entity
@Table(name = "site_state")
@NamedQuery(name = SiteState.CLAIM, query = "update SiteState s set s.leaseOwner = :owner, s.leaseUntil = :until"
        + " where s.site = :site and (s.leaseUntil is null or s.leaseUntil < :now or s.leaseOwner = :owner)")
@NamedQuery(name = SiteState.RELEASE, query = "update SiteState s set s.leaseOwner = null, s.leaseUntil = null"
        + " where s.site = :site and s.leaseOwner = :owner")
@NamedQuery(name = SiteState.RELEASE_ALL_OF, query = "update SiteState s set s.leaseOwner = null, s.leaseUntil = null"
        + " where substring(s.leaseOwner, 1, :length) = :instance")
public class SiteState {
    /** Takes the site's lease when nobody holds a live one: one instance of a cluster works on a site at a time. */
    public static final String CLAIM = "SiteState.claim";
    public static final String RELEASE = "SiteState.release";
    /** Every lease of a server instance that is stopping: the next instance need not wait for them to run out. */
    public static final String RELEASE_ALL_OF = "SiteState.releaseAllOf";
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int FAILURE_MAX = 1000;

    @Id
    private String site;
    @Column(name = "last_pass_at")
    private OffsetDateTime lastPassAt;
    @Column(name = "last_ok_at")
    private OffsetDateTime lastOkAt;
    @Column(name = "last_failure")
    private String lastFailure;
    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;
    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;
    @Column(name = "pass_started_at")
    private OffsetDateTime passStartedAt;
    @Column(name = "pass_requested_at")
    private OffsetDateTime passRequestedAt;
    @Column(name = "reverify_requested_at")
    private OffsetDateTime reverifyRequestedAt;
    @Column(name = "lease_owner")
    private String leaseOwner;
    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    protected SiteState() {
    }

    public SiteState(String site) {
        this.site = Require.text("site", site, 40);
    }

    /**
     * A pass begins: whatever was asked for before now, it will do. Returns whether it must read every copy back, as a
     * re-verification asked for while the site was busy is owed until a re-verifying pass gets through.
     */
    public boolean started(Instant now) {
        this.passStartedAt = at(now);
        return reverifyRequestedAt != null;
    }

    /** New work for the site arrived while a pass was running, which may have missed it: another pass is owed. */
    public void requestPass(Instant now) {
        this.passRequestedAt = at(now);
    }

    /**
     * An operator asked for every copy to be read back while a pass held the site: the owed pass re-verifies, however
     * the site's state changes before it runs.
     */
    public void requestReverification(Instant now) {
        requestPass(now);
        this.reverifyRequestedAt = at(now);
    }

    /** Whether a re-verification asked for while the site was busy is still owed. */
    public boolean reverificationOwed() {
        return reverifyRequestedAt != null;
    }

    /**
     * A pass that did everything it had to. One that read every copy back and began at {@code began} settles the
     * re-verifications asked for before it began; one asked for later, while it ran, may have come after it read the
     * copy in question, so it stays owed.
     */
    public void passed(Instant now, boolean reverified, Instant began) {
        if (reverified && reverifyRequestedAt != null && !reverifyRequestedAt.toInstant().isAfter(began)) {
            this.reverifyRequestedAt = null;
        }
        passed(now);
    }

    /** A pass that did everything it had to. */
    public void passed(Instant now) {
        this.lastPassAt = at(now);
        this.lastOkAt = lastPassAt;
        this.lastFailure = null;
        this.consecutiveFailures = 0;
        this.nextAttemptAt = null;
    }

    /** A pass that left work undone; the next one is due after the backoff that follows {@code base}. */
    public void failed(String reason, Instant now, Duration base) {
        this.lastPassAt = at(now);
        this.lastFailure = app.strongroom.common.Reasons.fit(reason, "no reason given", FAILURE_MAX);
        this.consecutiveFailures++;
        this.nextAttemptAt = at(now.plus(backoff(base, consecutiveFailures)));
    }

    /** Waits {@code base}, then twice as long after each further failure in a row, never more than an hour. */
    public static Duration backoff(Duration base, int failuresInARow) {
        if (failuresInARow <= 0) {
            return Duration.ZERO;
        }
        Duration wait = base;
        for (int i = 1; i < failuresInARow && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** Whether a pass is owed now: one was asked for after the last began, or the last failed and its backoff is over. */
    public boolean catchUpDue(Instant now) {
        boolean requested = passRequestedAt != null
                && (passStartedAt == null || passRequestedAt.isAfter(passStartedAt));
        return requested || consecutiveFailures > 0 && (nextAttemptAt == null || !nextAttemptAt.toInstant().isAfter(now));
    }

    /** Whether a pass holds the site now (its lease has not run out). */
    public boolean isLeased(Instant now) {
        return leaseUntil != null && leaseUntil.toInstant().isAfter(now);
    }

    public boolean isFailing() {
        return consecutiveFailures > 0;
    }

    private static OffsetDateTime at(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    public String site() {
        return site;
    }

    public Optional<Instant> lastPassAt() {
        return Optional.ofNullable(lastPassAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> lastOkAt() {
        return Optional.ofNullable(lastOkAt).map(OffsetDateTime::toInstant);
    }

    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt).map(OffsetDateTime::toInstant);
    }
}
