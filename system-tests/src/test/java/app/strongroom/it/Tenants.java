package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantDatabase;
import app.strongroom.catalog.TenantId;
import app.strongroom.identity.PasswordHasher;
import app.strongroom.launcher.DatabaseConnection;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data: tenants signed up through the real sign-up form, and looks into the real databases. */
public final class Tenants {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    public static final String PASSWORD = "correct horse battery";

    private Tenants() {
    }

    /** A short name no other test uses. */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    /**
     * Signs up through the form. Each sign-up appears to come from an address of its own (the platform limits
     * sign-ups per address), so tests that make many tenants stay apart from the test of that limit.
     */
    public static HttpResponse<String> signUp(FacesClient client, String slug, String adminLogin, String password) {
        return client.from(uniqueAddress()).submit("signup.xhtml", "signup", Map.of(
                "companyName", "Company " + slug,
                "tenantName", slug,
                "adminLogin", adminLogin,
                "email", adminEmail(slug, adminLogin),
                "password", password,
                "plan", "FREE"), "submit");
    }

    /** An address of the benchmarking range 198.18.0.0/15 that no other sign-up of this run used. */
    public static String uniqueAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198." + (18 + n / 65536 % 2) + "." + n / 256 % 256 + "." + n % 256;
    }

    /** The e-mail address sign-up gives a tenant's first administrator: one of its own, for its mail alone. */
    public static String adminEmail(String slug, String adminLogin) {
        return adminLogin + "@" + slug + ".example.org";
    }

    /** Signs a tenant up and checks that it worked. */
    public static String create(FacesClient client, String prefix) {
        String slug = uniqueSlug(prefix);
        HttpResponse<String> answer = signUp(client, slug, "admin", PASSWORD);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(FacesClient.location(answer)).contains("login.xhtml?tenant=" + slug);
        return slug;
    }

    public static HttpResponse<String> signIn(FacesClient client, String slug, String login, String password) {
        return client.submit("login.xhtml", "signin", Map.of("tenant", slug, "login", login, "password", password),
                "submit");
    }

    /** Adds an administrator with {@link #PASSWORD} straight into the tenant's database (test data, no mail). */
    public static void addAdministrator(TenantId tenant, String login) throws SQLException {
        addUser(tenant, login, true);
    }

    /** A user of the tenant with the test password, an administrator or not. */
    public static void addUser(TenantId tenant, String login, boolean administrator) throws SQLException {
        String hash = new PasswordHasher(TestPlatform.TEST_ITERATIONS)
                .hash(PASSWORD.toCharArray()).format();
        try (Connection c = superuser(databaseOf(tenant));
             PreparedStatement s = c.prepareStatement("insert into user_account (login, email, password_hash, "
                     + "administrator, active, created_at) values (?, ?, ?, ?, true, now())")) {
            s.setString(1, login);
            s.setString(2, login + "@example.org");
            s.setString(3, hash);
            s.setBoolean(4, administrator);
            s.executeUpdate();
        }
    }

    public static Connection superuser(String database) throws SQLException {
        DatabaseConnection db = TestPlatform.database();
        return DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + database,
                db.adminUser(), db.adminPassword());
    }

    /** Runs {@code sql} on {@code database} as the superuser. */
    public static void execute(String database, String sql, Object... parameters) throws SQLException {
        try (Connection c = superuser(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        }
    }

    /** The first column of every row {@code sql} answers on {@code database}, as text. */
    public static java.util.List<String> column(String database, String sql, Object... parameters)
            throws SQLException {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (Connection c = superuser(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
        }
        return rows;
    }

    /** A connection as the tenant's own login role, with the password the platform derives for it. */
    public static Connection asTenantRole(TenantId tenant, String database) throws SQLException {
        DatabaseConnection db = TestPlatform.database();
        return DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + database,
                TenantDatabase.roleName(tenant),
                new app.strongroom.platform.TenantSecrets(TestPlatform.masterKey()).rolePassword(tenant));
    }

    /** Administrative DDL on the test run's PostgreSQL, as the platform itself does it. */
    public static app.strongroom.platform.PostgresAdmin postgresAdmin() {
        return TestPlatform.database().admin();
    }

    public static Optional<TenantId> idOf(String slug) throws SQLException {
        try (Connection c = superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("select id from tenant where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new TenantId((UUID) r.getObject(1))) : Optional.empty();
            }
        }
    }

    public static boolean databaseExists(String name) throws SQLException {
        return exists("select 1 from pg_database where datname = ?", name);
    }

    public static boolean roleExists(String name) throws SQLException {
        return exists("select 1 from pg_roles where rolname = ?", name);
    }

    public static String databaseOf(TenantId id) {
        return TenantDatabase.databaseName(id);
    }

    public static String roleOf(TenantId id) {
        return TenantDatabase.roleName(id);
    }

    private static boolean exists(String query, String name) throws SQLException {
        try (Connection c = superuser("postgres"); PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
