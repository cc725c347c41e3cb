package app.strongroom.tenant.apikey;

import app.strongroom.catalog.TenantId;
import app.strongroom.common.InvalidValue;
import app.strongroom.common.Require;
import app.strongroom.tenant.user.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user's key to the tenant JSON API. The key is {@value PresentedKey#PREFIX}, the tenant's id and 256 random bits:
 * the randomness makes guessing hopeless, so a plain SHA-256 of the whole key is enough to keep (a slow password hash
 * would protect nothing more and cost every request). The key itself exists only in the answer that showed it.
 */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKey.BY_DIGEST, query = "select k from ApiKey k join fetch k.user where k.digest = :digest")
@NamedQuery(name = ApiKey.OF_USER,
        query = "select k from ApiKey k where k.user = :user order by k.createdAt desc, k.id")
@NamedQuery(name = ApiKey.ALL, query = "select k from ApiKey k join fetch k.user order by k.createdAt desc, k.id")
@NamedQuery(name = ApiKey.ACTIVE_OF_USER, query = "select count(k) from ApiKey k"
        + " where k.user = :user and k.revokedAt is null and k.expiresAt > :now")
@NamedQuery(name = ApiKey.ACTIVE_KEYS_OF_USER, query = "select k from ApiKey k"
        + " where k.user = :user and k.revokedAt is null and k.expiresAt > :now order by k.id")
public class ApiKey {
    public static final String BY_DIGEST = "ApiKey.byDigest";
    public static final String OF_USER = "ApiKey.ofUser";
    public static final String ALL = "ApiKey.all";
    public static final String ACTIVE_OF_USER = "ApiKey.activeOfUser";
    public static final String ACTIVE_KEYS_OF_USER = "ApiKey.activeKeysOfUser";
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 365;
    public static final int NAME_MAX = 60;
    private static final int RANDOM_BYTES = 32;
    /** No control or invisible formatting characters (a right-to-left override would disguise a name in lists). */
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}\\p{Cf}]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false)
    private UserAccount user;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApiKeyScope scope;
    @Column(name = "key_sha256", nullable = false, unique = true)
    private String digest;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;
    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;
    @Column(name = "last_used_from")
    private String lastUsedFrom;
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;
    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApiKey() {
    }

    private ApiKey(UserAccount user, String name, ApiKeyScope scope, String digest, Instant now, Duration lifetime) {
        this.user = Require.present("user", user);
        this.name = Require.matching("name", Require.text("name", name, NAME_MAX), PRINTABLE,
                "must not contain control or invisible formatting characters");
        this.scope = Require.present("scope", scope);
        this.digest = digest;
        this.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        this.expiresAt = createdAt.plus(lifetime);
    }

    /** A new key and the one chance to see it. */
    public record Issued(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "Issued[" + key.name() + "]";
        }
    }

    /** A new key of {@code user} in {@code tenant}, valid {@code days} days ({@value #MIN_DAYS}-{@value #MAX_DAYS}). */
    public static Issued issue(TenantId tenant, UserAccount user, String name, ApiKeyScope scope, int days,
                               Instant now) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new InvalidValue("lifetime", "must be " + MIN_DAYS + " to " + MAX_DAYS + " days");
        }
        if (!user.maySignIn()) {
            throw new InvalidValue("user", "is not active");
        }
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        String secret = PresentedKey.format(tenant, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        return new Issued(new ApiKey(user, name, scope, PresentedKey.digest(secret), now, Duration.ofDays(days)),
                secret);
    }

    public ApiKeyState stateAt(Instant now) {
        if (revokedAt != null) {
            return ApiKeyState.REVOKED;
        }
        return now.isBefore(expiresAt.toInstant()) ? ApiKeyState.ACTIVE : ApiKeyState.EXPIRED;
    }

    /**
     * Whether the key opens the API at {@code now}: active, and its user may still sign in. Deactivating a user revokes
     * their keys; the account is asked too for keys an older build left unrevoked when it deactivated their user.
     */
    public boolean opensAt(Instant now) {
        return stateAt(now) == ApiKeyState.ACTIVE && user.maySignIn();
    }

    /**
     * Records a request the key authenticated; only a key that opens the API authenticates any. The last use is kept
     * to the minute the keys page shows it in: a request in the same minute as the last, from the same address, writes
     * nothing, so a busy script's requests do not each rewrite (and queue on) the key's row.
     */
    public void usedFrom(String clientAddress, Instant now) {
        if (!opensAt(now)) {
            throw new IllegalStateException("API key " + id + " does not open the API");
        }
        String address = Require.optionalText("client address", clientAddress, 64);
        if (lastUsedAt != null && Objects.equals(address, lastUsedFrom)
                && now.truncatedTo(ChronoUnit.MINUTES).equals(lastUsedAt.toInstant().truncatedTo(ChronoUnit.MINUTES))) {
            return;
        }
        this.lastUsedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        this.lastUsedFrom = address;
    }

    /** From now on the key opens nothing. Revoking twice keeps the first moment and who did it. */
    public void revoke(String by, Instant now) {
        if (revokedAt == null) {
            this.revokedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            this.revokedBy = Require.text("revoked by", by, UserAccount.LOGIN_MAX);
        }
    }

    public boolean belongsTo(String login) {
        return user.login().equals(login);
    }

    public long id() {
        return id;
    }

    public UserAccount user() {
        return user;
    }

    public String name() {
        return name;
    }

    public ApiKeyScope scope() {
        return scope;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant expiresAt() {
        return expiresAt.toInstant();
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<String> lastUsedFrom() {
        return Optional.ofNullable(lastUsedFrom);
    }

    public Optional<String> revokedBy() {
        return Optional.ofNullable(revokedBy);
    }
}
