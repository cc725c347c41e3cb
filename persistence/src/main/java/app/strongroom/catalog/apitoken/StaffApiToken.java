package app.strongroom.catalog.apitoken;

import app.strongroom.catalog.StaffMember;
import app.strongroom.common.InvalidValue;
import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A staff member's API token. The token is {@value #PREFIX} and 256 random bits in base64url (43 characters): the
 * prefix lets secret scanners and people recognise one, the randomness makes guessing hopeless, so a plain SHA-256 is
 * enough to keep (a slow password hash would protect nothing more and cost every request). The token itself exists
 * only in the answer that showed it to its owner.
 */
@Entity
@Table(name = "staff_api_token")
@NamedQuery(name = StaffApiToken.BY_DIGEST,
        query = "select t from StaffApiToken t join fetch t.staff where t.digest = :digest")
@NamedQuery(name = StaffApiToken.OF_STAFF,
        query = "select t from StaffApiToken t where t.staff = :staff order by t.createdAt desc, t.id")
@NamedQuery(name = StaffApiToken.ACTIVE_OF_STAFF, query = "select count(t) from StaffApiToken t"
        + " where t.staff = :staff and t.revokedAt is null and t.expiresAt > :now")
public class StaffApiToken {
    public static final String BY_DIGEST = "StaffApiToken.byDigest";
    public static final String OF_STAFF = "StaffApiToken.ofStaff";
    public static final String ACTIVE_OF_STAFF = "StaffApiToken.activeOfStaff";
    public static final String PREFIX = "srs_";
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 90;
    public static final int NAME_MAX = 60;
    private static final int RANDOM_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "staff_id", nullable = false)
    private StaffMember staff;
    @Column(nullable = false)
    private String name;
    @Column(name = "token_sha256", nullable = false, unique = true)
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

    protected StaffApiToken() {
    }

    private StaffApiToken(StaffMember staff, String name, String digest, Instant now, Duration lifetime) {
        this.id = UUID.randomUUID();
        this.staff = Require.present("staff member", staff);
        this.name = Require.matching("name", Require.text("name", name, NAME_MAX), PRINTABLE,
                "must not contain control characters");
        this.digest = digest;
        this.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        this.expiresAt = createdAt.plus(lifetime);
    }

    /** A new token and the one chance to see its secret. */
    public record Issued(StaffApiToken token, String secret) {
        @Override
        public String toString() {
            return "Issued[" + token.id() + "]";
        }
    }

    /** A new token for {@code staff}, valid for {@code days} days ({@value #MIN_DAYS} to {@value #MAX_DAYS}). */
    public static Issued issue(StaffMember staff, String name, int days, Instant now) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new InvalidValue("lifetime", "must be " + MIN_DAYS + " to " + MAX_DAYS + " days");
        }
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new Issued(new StaffApiToken(staff, name, digest(secret), now, Duration.ofDays(days)), secret);
    }

    /**
     * The digest to look a presented token up by; empty when it does not even have a token's shape, so nothing that
     * cannot be a token reaches the database.
     */
    public static Optional<String> digestOf(String presented) {
        return presented != null && SHAPE.matcher(presented).matches() ? Optional.of(digest(presented))
                : Optional.empty();
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public TokenState stateAt(Instant now) {
        if (revokedAt != null) {
            return TokenState.REVOKED;
        }
        return now.isBefore(expiresAt.toInstant()) ? TokenState.ACTIVE : TokenState.EXPIRED;
    }

    /** Records a request the token authenticated; only an active token authenticates any. */
    public void usedFrom(String clientAddress, Instant now) {
        if (stateAt(now) != TokenState.ACTIVE) {
            throw new IllegalStateException("token " + id + " is " + stateAt(now));
        }
        this.lastUsedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        this.lastUsedFrom = Require.optionalText("client address", clientAddress, 64);
    }

    /** From now on the token opens nothing. Revoking twice keeps the first moment. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            this.revokedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        }
    }

    public StaffApiTokenId id() {
        return new StaffApiTokenId(id);
    }

    public StaffMember staff() {
        return staff;
    }

    public boolean belongsTo(StaffMember member) {
        return staff.login().equals(member.login());
    }

    public String name() {
        return name;
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

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt).map(OffsetDateTime::toInstant);
    }
}
