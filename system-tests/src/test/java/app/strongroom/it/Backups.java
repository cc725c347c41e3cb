package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import app.strongroom.launcher.DatabaseConnection;
import app.strongroom.recovery.Recovery;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Backups from the outside: started as staff do, awaited in the catalog, decrypted with the recovery tool, restored with psql. */
final class Backups {
    private Backups() {
    }

    /** A backup attempt as the catalog records it. */
    record Attempt(UUID id, String state, String runKey, String fileName, String failure) {
    }

    /**
     * Starts a live download as an administrator does: the Backups page's button, its form posted with the page's view
     * state from {@code origin}; the answer read with {@code answer}.
     */
    static <T> HttpResponse<T> liveDownload(FacesClient admin, String origin, HttpResponse.BodyHandler<T> answer) {
        return liveDownloadFrom(admin, admin.get("app/admin/backups.xhtml"), origin, answer);
    }

    /** The same from a Backups page loaded before. */
    static <T> HttpResponse<T> liveDownloadFrom(FacesClient admin, HttpResponse<String> page, String origin,
                                                HttpResponse.BodyHandler<T> answer) {
        return admin.submitFrom(page, "live", Map.of(), "downloadLive", Map.of("Origin", origin), answer);
    }

    /** Signs in as the platform operator through the staff form. */
    static FacesClient operator(java.net.URI base) {
        FacesClient operator = FacesClient.forTestServer(base);
        HttpResponse<String> answer = operator.submit("staff-login.xhtml", "staffSignin",
                Map.of("login", "operator", "password", TestPlatform.operatorPassword()), "submit");
        assertThat(answer.statusCode()).isEqualTo(302);
        return operator;
    }

    /** Presses "Back up now" on the tenant's row of the staff tenant list; returns the page answered. */
    static String backUpNow(FacesClient operator, String slug) {
        HttpResponse<String> answer = pressOnRow(operator, slug, "backUpNow");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("A backup of \"" + slug + "\" has started");
        return answer.body();
    }

    /** Presses the button {@code button} on the tenant's row of the staff tenant list. */
    static HttpResponse<String> pressOnRow(FacesClient operator, String slug, String button) {
        HttpResponse<String> page = operator.get("staff/tenants.xhtml");
        Matcher row = Pattern.compile("<tr data-ri=\"(\\d+)\"[^>]*>(?:(?!</tr>).)*?" + Pattern.quote(slug), Pattern.DOTALL)
                .matcher(page.body());
        assertThat(row.find()).as("the tenant list shows " + slug).isTrue();
        return operator.submitFrom(page, "tenants", Map.of(), "table:" + row.group(1) + ":" + button);
    }

    /** Waits for the tenant's next backup attempt after {@code since} to finish, and returns it. */
    static Attempt awaitFinished(TenantId tenant, Instant since) {
        return await(Duration.ofSeconds(90), () -> attempts(tenant).stream()
                .filter(a -> !"RUNNING".equals(a.state())).filter(a -> startedAfter(a, since)).findFirst());
    }

    static <T> T await(Duration timeout, Supplier<Optional<T>> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not reached within " + timeout.toSeconds() + " s");
    }

    private static boolean startedAfter(Attempt attempt, Instant since) {
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("select started_at from backup where id = ?")) {
            s.setObject(1, attempt.id());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && !r.getObject(1, java.time.OffsetDateTime.class).toInstant().isBefore(since);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tenant's backup attempts, newest first. */
    static List<Attempt> attempts(TenantId tenant) {
        List<Attempt> attempts = new ArrayList<>();
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement(
                     "select id, state, run_key, file_name, failure from backup where tenant_id = ? order by started_at desc")) {
            s.setObject(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    attempts.add(new Attempt(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return attempts;
    }

    /** The home backup location of the servers under test. */
    static Path location() {
        return TestPlatform.directory().resolve("backups");
    }

    /** The test run's master key as a key file, as an operator would keep it. */
    static Path masterKeyFile() {
        try {
            Path file = TestPlatform.directory().resolve("master.key");
            Files.writeString(file, Base64.getEncoder().encodeToString(TestPlatform.masterKey()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the offline recovery tool; returns exit code and what it printed. */
    static Tool recover(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Recovery.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Tool(code, out.toString(), err.toString());
    }

    record Tool(int exitCode, String out, String err) {
    }

    /** Restores a dump.sql into a new, empty database with Debian's stock psql; returns psql's exit code. */
    static int psqlRestore(Path dumpSql, String database) throws Exception {
        DatabaseConnection db = TestPlatform.database();
        try (Connection c = Tenants.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database);
            s.execute("create database " + database);
        }
        ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", db.host(),
                "-p", Integer.toString(db.port()), "-U", db.adminUser(), "-d", database, "-f", dumpSql.toString())
                .redirectErrorStream(true);
        psql.environment().put("PGPASSWORD", db.adminPassword());
        Process process = psql.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        assertThat(code).as("psql said: " + output).isZero();
        return code;
    }

    /** Every row of every table of a database, table by table, in primary-key order, values as text. */
    static Map<String, List<List<String>>> contents(String database) throws SQLException {
        Map<String, List<List<String>>> tables = new java.util.TreeMap<>();
        try (Connection c = Tenants.superuser(database)) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' "
                            + "and table_type = 'BASE TABLE'")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            for (String table : names) {
                List<List<String>> rows = new ArrayList<>();
                String query;
                try (PreparedStatement quote = c.prepareStatement("select format('select * from public.%I order by 1', ?)")) {
                    quote.setString(1, table);
                    try (ResultSet q = quote.executeQuery()) {
                        q.next();
                        query = q.getString(1);
                    }
                }
                try (ResultSet r = c.createStatement().executeQuery(query)) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.add(meta.getColumnName(i) + "=" + r.getString(i));
                        }
                        rows.add(row);
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }
}
