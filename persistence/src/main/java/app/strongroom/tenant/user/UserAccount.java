package app.strongroom.tenant.user;

import app.strongroom.common.EmailAddress;
import app.strongroom.common.Require;
import app.strongroom.tenant.company.Company;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user of one tenant. The password itself is never kept; only its PBKDF2 hash (P2). An invited user has no hash
 * until they choose a password through their link. The session epoch rises whenever the password changes or the
 * account is deactivated; a session remembers the epoch it signed in at and ends once that is no longer current.
 */
@Entity
@Table(name = "user_account")
@NamedQuery(name = UserAccount.BY_LOGIN, query = "select u from UserAccount u where u.login = :login")
@NamedQuery(name = UserAccount.ALL, query = "select u from UserAccount u order by u.login")
@NamedQuery(name = UserAccount.ACTIVE_ADMINISTRATORS, query = "select count(u) from UserAccount u "
        + "where u.administrator = true and u.active = true")
public class UserAccount {
    public static final String BY_LOGIN = "UserAccount.byLogin";
    public static final String ALL = "UserAccount.all";
    public static final String ACTIVE_ADMINISTRATORS = "UserAccount.activeAdministrators";
    public static final int LOGIN_MAX = 64;
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0,63}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String login;
    @Column(nullable = false)
    private String email;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(nullable = false)
    private boolean administrator;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "deactivated_at")
    private OffsetDateTime deactivatedAt;
    @Column(name = "session_epoch", nullable = false)
    private long sessionEpoch;
    // Written by the database (the main company) until companies are managed on a page; read by record rules.
    @ManyToOne
    @JoinColumn(name = "company_id", insertable = false, updatable = false)
    private Company company;
    // Read-only copy of the foreign key, for record rules that compare the user's company without a join.
    @Column(name = "company_id", insertable = false, updatable = false)
    private Long companyId;
    @ManyToMany
    @JoinTable(name = "user_group_member", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "group_id"))
    private Set<UserGroup> groups = new HashSet<>();
    @Version
    private long version;

    protected UserAccount() {
    }

    private UserAccount(String login, EmailAddress email, String passwordHash, boolean administrator) {
        this.login = normaliseLogin(login);
        this.email = Require.present("e-mail", email).value();
        this.passwordHash = passwordHash == null ? null : Require.text("password hash", passwordHash, 512);
        this.administrator = administrator;
        this.active = true;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public static UserAccount administrator(String login, EmailAddress email, String passwordHash) {
        return new UserAccount(login, email, passwordHash, true);
    }

    public static UserAccount user(String login, EmailAddress email, String passwordHash) {
        return new UserAccount(login, email, Require.present("password hash", passwordHash), false);
    }

    /** A user who chooses a password through the link of their invitation, and cannot sign in before. */
    public static UserAccount invited(String login, EmailAddress email, boolean administrator) {
        return new UserAccount(login, email, null, administrator);
    }

    /** Logins compare case-insensitively: "Anna" and "anna" are one account. */
    public static String normaliseLogin(String login) {
        String lower = Require.text("login", login, LOGIN_MAX).toLowerCase(Locale.ROOT);
        return Require.matching("login", lower, LOGIN,
                "must start with a letter or digit and use only letters, digits and . _ @ + -");
    }

    /** The account with this (normalised) login in the tenant database behind {@code em}. */
    public static Optional<UserAccount> byLogin(EntityManager em, String login) {
        return em.createNamedQuery(BY_LOGIN, UserAccount.class).setParameter("login", login).getResultStream()
                .findFirst();
    }

    /** The login typed by somebody, normalised, if it has the shape of one. */
    public static Optional<String> parseLogin(String login) {
        try {
            return Optional.of(normaliseLogin(login));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean maySignIn() {
        return active && passwordHash != null;
    }

    public UserStatus status() {
        if (!active) {
            return UserStatus.DEACTIVATED;
        }
        return passwordHash == null ? UserStatus.INVITED : UserStatus.ACTIVE;
    }

    /** The same password, hashed more strongly; sessions stay as they are. */
    public void replacePasswordHash(String newHash) {
        this.passwordHash = Require.text("password hash", newHash, 512);
    }

    /** A new password: every session signed in with an earlier one ends. Returns the new session epoch. */
    public long choosePassword(String newHash) {
        this.passwordHash = Require.text("password hash", newHash, 512);
        return ++sessionEpoch;
    }

    /** The user can no longer sign in and their sessions end; nothing of theirs is removed. */
    public void deactivate() {
        if (active) {
            active = false;
            deactivatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            sessionEpoch++;
        }
    }

    public void reactivate() {
        active = true;
        deactivatedAt = null;
    }

    /** Makes {@code chosen} the user's groups, exactly. */
    public void assignGroups(Collection<UserGroup> chosen) {
        groups.retainAll(chosen);
        groups.addAll(chosen);
    }

    /** The company the user works for; record rules compare it with {@code user.company}. */
    public long companyId() {
        return companyId == null ? Company.MAIN : companyId;
    }

    public Set<UserGroup> groups() {
        return Set.copyOf(groups);
    }

    public List<String> groupNames() {
        return groups.stream().map(UserGroup::name).sorted(Comparator.naturalOrder()).toList();
    }

    public long sessionEpoch() {
        return sessionEpoch;
    }

    public boolean isActive() {
        return active;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long id() {
        return id;
    }

    public String login() {
        return login;
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    /** The stored hash; an invited user who has not chosen a password yet has none. */
    public Optional<String> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public boolean isAdministrator() {
        return administrator;
    }
}
