package app.strongroom.tenant.user;

import app.strongroom.common.Require;
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
import jakarta.persistence.Version;
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

/**
 * A one-time link with which a user chooses a password: sent with an invitation or a reset. Only the SHA-256 of the
 * token is stored, so the table's contents (a backup, a read-only leak) cannot be turned into working links; the token
 * has 256 random bits, so a plain hash is enough (no salt or stretching is needed against guessing). A link works once
 * and until it expires; choosing a password through any link spends every other open link of the user.
 */
@Entity
@Table(name = "password_link")
@NamedQuery(name = PasswordLink.BY_TOKEN_HASH, query = "select l from PasswordLink l where l.tokenSha256 = :hash")
@NamedQuery(name = PasswordLink.OPEN_FOR_USER, query = "select l from PasswordLink l where l.user = :user "
        + "and l.usedAt is null")
public class PasswordLink {
    public static final String BY_TOKEN_HASH = "PasswordLink.byTokenHash";
    public static final String OPEN_FOR_USER = "PasswordLink.openForUser";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why the link was sent. */
    public enum Purpose {
        INVITATION, RESET
    }

    /** What a link is worth when someone follows it. */
    public enum State {
        USABLE, EXPIRED, USED
    }

    /** A freshly made link: the entity to store and the token to send, which is not kept anywhere else. */
    public record Issued(PasswordLink link, String token) {
        @Override
        public String toString() {
            return "Issued[" + link.purpose + " for " + link.user.login() + "]";
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "token_sha256", nullable = false, unique = true)
    private String tokenSha256;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private UserAccount user;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;
    @Column(name = "used_at")
    private OffsetDateTime usedAt;
    @Column(name = "requested_by")
    private String requestedBy;
    @Version
    private long version;

    protected PasswordLink() {
    }

    private PasswordLink(String tokenSha256, UserAccount user, Purpose purpose, Instant now, Duration lifetime,
                         String requestedBy) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a link's lifetime must be positive");
        }
        this.tokenSha256 = tokenSha256;
        this.user = Require.present("user", user);
        this.purpose = Require.present("purpose", purpose);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
        this.expiresAt = now.plus(lifetime).atOffset(ZoneOffset.UTC);
        this.requestedBy = Require.optionalText("requested by", requestedBy, 64);
    }

    /** A new link for {@code user}, valid from {@code now} for {@code lifetime}. */
    public static Issued issue(UserAccount user, Purpose purpose, Instant now, Duration lifetime, String requestedBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued(new PasswordLink(sha256(token), user, purpose, now, lifetime, requestedBy), token);
    }

    /** The stored form of a token; any text is accepted, so a mangled link simply matches nothing. */
    public static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public State stateAt(Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        return now.isBefore(expiresAt.toInstant()) ? State.USABLE : State.EXPIRED;
    }

    /** Spends the link; refused unless it is usable at {@code now}. */
    public void spend(Instant now) {
        State state = stateAt(now);
        if (state != State.USABLE) {
            throw new IllegalStateException("the link is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        usedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Spends an open link without it having been followed: a newer password or link makes it void. */
    public void revoke(Instant now) {
        if (usedAt == null) {
            usedAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    public UserAccount user() {
        return user;
    }

    public Purpose purpose() {
        return purpose;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
