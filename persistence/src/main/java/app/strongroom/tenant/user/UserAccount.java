package app.strongroom.tenant.user;

import app.strongroom.common.EmailAddress;
import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/** A user of one tenant. The password itself is never kept; only its PBKDF2 hash (P2). */
@Entity
@Table(name = "user_account")
@NamedQuery(name = UserAccount.BY_LOGIN, query = "select u from UserAccount u where u.login = :login")
public class UserAccount {
    public static final String BY_LOGIN = "UserAccount.byLogin";
    public static final int LOGIN_MAX = 64;
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0,63}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String login;
    @Column(nullable = false)
    private String email;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private boolean administrator;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Version
    private long version;

    protected UserAccount() {
    }

    private UserAccount(String login, EmailAddress email, String passwordHash, boolean administrator) {
        this.login = normaliseLogin(login);
        this.email = Require.present("e-mail", email).value();
        this.passwordHash = Require.text("password hash", passwordHash, 512);
        this.administrator = administrator;
        this.active = true;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public static UserAccount administrator(String login, EmailAddress email, String passwordHash) {
        return new UserAccount(login, email, passwordHash, true);
    }

    public static UserAccount user(String login, EmailAddress email, String passwordHash) {
        return new UserAccount(login, email, passwordHash, false);
    }

    /** Logins compare case-insensitively: "Anna" and "anna" are one account. */
    public static String normaliseLogin(String login) {
        String lower = Require.text("login", login, LOGIN_MAX).toLowerCase(Locale.ROOT);
        return Require.matching("login", lower, LOGIN,
                "must start with a letter or digit and use only letters, digits and . _ @ + -");
    }

    public boolean maySignIn() {
        return active;
    }

    public void replacePasswordHash(String newHash) {
        this.passwordHash = Require.text("password hash", newHash, 512);
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

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isAdministrator() {
        return administrator;
    }
}
