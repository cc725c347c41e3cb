package app.strongroom.tenant.security;

import java.time.Duration;

/**
 * When repeated sign-in failures lock: after {@code lockAfter} failures in a row (0: never) for {@code cooldown}.
 * One client address may fail {@link #ADDRESS_FACTOR} times as often across a tenant's logins before it is locked out of
 * that tenant, so password spraying is stopped without locking a whole office behind one address at the first typo.
 */
public record LockoutRules(int lockAfter, Duration cooldown) {
    public static final int ADDRESS_FACTOR = 5;

    public LockoutRules {
        if (lockAfter < 0) {
            throw new IllegalArgumentException("lock after must not be negative");
        }
        if (cooldown.isNegative() || cooldown.isZero()) {
            throw new IllegalArgumentException("cooldown must be positive");
        }
    }

    public boolean enabled() {
        return lockAfter > 0;
    }

    public int addressLockAfter() {
        return lockAfter * ADDRESS_FACTOR;
    }
}
