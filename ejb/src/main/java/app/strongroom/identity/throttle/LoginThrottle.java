package app.strongroom.identity.throttle;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Counts sign-in failures per key in the shared grid. Updates are compare-and-set loops on the cache, so two
 * instances counting the same key at once never lose a failure.
 */
@ApplicationScoped
public class LoginThrottle {
    static final String CACHE = "strongroom-sign-in-failures";
    /** Forget failures nobody repeated for a day. */
    private static final javax.cache.expiry.Duration MEMORY = new javax.cache.expiry.Duration(TimeUnit.DAYS, 1);

    @Inject
    CacheManager caches;

    private Cache<String, String> failures;
    private static final Duration LOCAL_TRUST = Duration.ofSeconds(1);
    private static final int LOCAL_BOUND = 10_000;

    private final Clock clock = Clock.systemUTC();
    /** Locks seen in the grid, and until when this instance believes them without asking again. */
    private final Map<String, Long> seenLocked = new ConcurrentHashMap<>();

    @PostConstruct
    void open() {
        Cache<String, String> existing = caches.getCache(CACHE, String.class, String.class);
        failures = existing != null ? existing : create();
    }

    private Cache<String, String> create() {
        try {
            return caches.createCache(CACHE, new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class)
                    .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(MEMORY)));
        } catch (javax.cache.CacheException createdMeanwhile) {
            return caches.getCache(CACHE, String.class, String.class);
        }
    }

    /** Until when {@code key} is locked, if it is. */
    public Optional<Instant> lockedUntil(String key) {
        FailureCount count = FailureCount.parse(failures.get(key));
        return count.lockedAt(clock.instant()) ? Optional.of(Instant.ofEpochMilli(count.lockedUntil())) : Optional.empty();
    }

    /**
     * Whether any of {@code keys} is locked. A lock this instance has seen in the grid is believed locally for up to
     * {@link #LOCAL_TRUST}, so a brute-force run is refused without asking the grid each time; an unlock made through
     * another instance therefore takes effect here within that second (at once through this one).
     */
    public boolean anyLocked(Set<String> keys) {
        long now = clock.millis();
        for (String key : keys) {
            Long until = seenLocked.get(key);
            if (until != null && until > now) {
                return true;
            }
        }
        boolean locked = false;
        for (Map.Entry<String, String> stored : failures.getAll(keys).entrySet()) {
            FailureCount count = FailureCount.parse(stored.getValue());
            if (count.lockedAt(Instant.ofEpochMilli(now))) {
                seen(stored.getKey(), count.lockedUntil(), now);
                locked = true;
            }
        }
        return locked;
    }

    private void seen(String key, long lockedUntil, long now) {
        if (seenLocked.size() >= LOCAL_BOUND) {
            seenLocked.values().removeIf(until -> until <= now);
        }
        if (seenLocked.size() < LOCAL_BOUND) {
            seenLocked.put(key, Math.min(lockedUntil, now + LOCAL_TRUST.toMillis()));
        }
    }

    /** Counts a failure; true when this very failure locked the key. */
    public boolean fail(String key, int threshold, Duration cooldown) {
        while (true) {
            String stored = failures.get(key);
            FailureCount before = FailureCount.parse(stored);
            FailureCount after = before.fail(threshold, cooldown.toMillis(), clock.instant());
            boolean written = stored == null
                    ? failures.putIfAbsent(key, after.format())
                    : failures.replace(key, stored, after.format());
            if (written) {
                return after.lockedAt(clock.instant()) && !before.lockedAt(clock.instant());
            }
        }
    }

    /**
     * Counts one use of {@code key} in the current UTC clock hour; true while that hour's uses stay within
     * {@code limit}. A fixed window: simple, shared by every instance, and forgotten with the rest after a day.
     */
    public boolean withinHourlyBudget(String key, int limit) {
        String hourKey = key + "|" + clock.millis() / Duration.ofHours(1).toMillis();
        while (true) {
            String stored = failures.get(hourKey);
            int used = stored == null ? 0 : Integer.parseInt(stored);
            if (used >= limit) {
                return false;
            }
            String next = Integer.toString(used + 1);
            if (stored == null ? failures.putIfAbsent(hourKey, next) : failures.replace(hourKey, stored, next)) {
                return true;
            }
        }
    }

    /**
     * Counts one use of {@code key} in the current fixed window of {@code window} (aligned to the epoch, so every
     * instance counts into the same one); empty while the window's uses stay within {@code limit}, otherwise how long
     * until the window ends. Refused uses are not counted, so a caller that waits is let in when the window turns.
     */
    public Optional<Duration> overBudget(String key, int limit, Duration window) {
        long now = clock.millis();
        long windowMillis = window.toMillis();
        String windowKey = key + "|" + now / windowMillis;
        while (true) {
            String stored = failures.get(windowKey);
            int used = stored == null ? 0 : Integer.parseInt(stored);
            if (used >= limit) {
                return Optional.of(Duration.ofMillis(windowMillis - now % windowMillis));
            }
            String next = Integer.toString(used + 1);
            if (stored == null ? failures.putIfAbsent(windowKey, next) : failures.replace(windowKey, stored, next)) {
                return Optional.empty();
            }
        }
    }

    /** Whether a refusal of a caller nobody knows, from {@code address}, is still to be written down this hour. */
    public boolean withinAnonymousBudget(String address) {
        return withinHourlyBudget(anonymousRefusalKey(address), ANONYMOUS_REFUSALS_PER_NETWORK)
                && withinHourlyBudget(anonymousRefusalPlatformKey(), ANONYMOUS_REFUSALS_ON_PLATFORM);
    }

    private static final int ANONYMOUS_REFUSALS_PER_NETWORK = 100;
    private static final int ANONYMOUS_REFUSALS_ON_PLATFORM = 5_000;

    /** Forgets the key's failures: a successful sign-in, or an administrator's unlock. */
    public void clear(String key) {
        failures.remove(key);
        seenLocked.remove(key);
    }

    public static String loginKey(Object tenant, String login) {
        return "login|" + tenant + "|" + login;
    }

    public static String tenantAddressKey(Object tenant, String address) {
        return "address|" + tenant + "|" + address;
    }

    public static String platformAddressKey(String address) {
        return "platform-address|" + address;
    }

    /** Password-link mails sent to one login: bounds how often anybody can make a user's mailbox ring. */
    public static String linkMailKey(Object tenant, String login) {
        return "link-mail|" + tenant + "|" + login;
    }

    /** "Forgot password" requests from one address, across the platform. */
    public static String linkRequestAddressKey(String address) {
        return "link-request-address|" + address;
    }

    /** Portal links that did not work, from one network (guessing tokens). */
    public static String portalAddressKey(String address) {
        return "portal-address|" + network(address);
    }

    /** Views of one portal link (named by its digest) written to the tenant's trail. */
    public static String portalViewKey(String linkDigest) {
        return "portal-view|" + linkDigest;
    }

    /** Uses of a tenant's expired or revoked portal links written to its trail. */
    public static String portalRefusalKey(Object tenant) {
        return "portal-refused|" + tenant;
    }

    /** Sign-ups from one address; an IPv6 address counts by its /64 network, which one client may hold whole. */
    public static String signUpAddressKey(String address) {
        return "sign-up-address|" + network(address);
    }

    static String network(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (java.net.UnknownHostException notAnAddress) {
            return address;
        }
    }

    /**
     * Refusals written to the platform's trail for callers nobody knows (no session, an unknown token), from one
     * network: past a budget they are still refused, but no longer each written down.
     */
    public static String anonymousRefusalKey(String address) {
        return "anonymous-refusal|" + network(address);
    }

    /** Such refusals across the platform, whatever the address. */
    public static String anonymousRefusalPlatformKey() {
        return "anonymous-refusal-platform";
    }

    /** Sign-ups across the platform. */
    public static String signUpPlatformKey() {
        return "sign-up-platform";
    }

    /** Requests made with one tenant API key, counted against the platform's rate limit per key. */
    public static String apiKeyRateKey(Object tenant, long key) {
        return "api-key-rate|" + tenant + "|" + key;
    }

    public static String staffKey(String login) {
        return "staff|" + login;
    }
}
