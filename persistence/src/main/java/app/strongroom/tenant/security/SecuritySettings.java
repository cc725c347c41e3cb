package app.strongroom.tenant.security;

import app.strongroom.identity.PasswordPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The tenant administrator's security settings: one row per tenant database (P3, P4). */
@Entity
@Table(name = "security_settings")
public class SecuritySettings {
    public static final int THE_ROW = 1;
    public static final int MAX_LOCK_AFTER = 1000;
    public static final int MAX_COOLDOWN_SECONDS = 86_400;

    @Id
    private int id;
    @Column(name = "lock_after_failures", nullable = false)
    private int lockAfterFailures;
    @Column(name = "cooldown_seconds", nullable = false)
    private int cooldownSeconds;
    @Column(name = "min_password_length", nullable = false)
    private int minPasswordLength;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected SecuritySettings() {
    }

    /** Replaces the settings; 0 failures turns lock-out off. Throws naming the field for a value out of range. */
    public void change(int lockAfter, int cooldown, int minLength) {
        if (lockAfter < 0 || lockAfter > MAX_LOCK_AFTER) {
            throw new IllegalArgumentException("lock after must be between 0 (off) and " + MAX_LOCK_AFTER);
        }
        if (cooldown < 1 || cooldown > MAX_COOLDOWN_SECONDS) {
            throw new IllegalArgumentException("cooldown must be between 1 and " + MAX_COOLDOWN_SECONDS + " seconds");
        }
        new PasswordPolicy(minLength, true);
        this.lockAfterFailures = lockAfter;
        this.cooldownSeconds = cooldown;
        this.minPasswordLength = minLength;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public LockoutRules lockoutRules() {
        return new LockoutRules(lockAfterFailures, Duration.ofSeconds(cooldownSeconds));
    }

    public PasswordPolicy passwordPolicy() {
        return new PasswordPolicy(minPasswordLength, true);
    }

    public int lockAfterFailures() {
        return lockAfterFailures;
    }

    public int cooldownSeconds() {
        return cooldownSeconds;
    }

    public int minPasswordLength() {
        return minPasswordLength;
    }

    public long version() {
        return version;
    }
}
