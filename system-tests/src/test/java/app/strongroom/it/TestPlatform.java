package app.strongroom.it;

import app.strongroom.launcher.DatabaseConnection;
import app.strongroom.launcher.EmbeddedDatabase;
import app.strongroom.launcher.Platform;
import app.strongroom.launcher.PostBootCommands;
import app.strongroom.launcher.PlatformConfiguration;
import app.strongroom.launcher.SelfSignedCertificate;
import app.strongroom.launcher.StrongroomHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts, once per test run and before any Arquillian container, the embedded PostgreSQL and the settings every
 * server under test uses; publishes them as {@code strongroom.test.*} system properties for arquillian.xml.
 */
public class TestPlatform implements LauncherSessionListener {
    public static final String CATALOG = "strongroom_catalog";
    public static final String KEYSTORE_PASSWORD = "test-keystore";
    public static final int TEST_ITERATIONS = 1000;
    /** A small upload limit, so the tests of it move little data. */
    public static final long MAX_FILE_BYTES = 2_000_000;
    /** The one client address, besides signed-in staff, that may read {@code /metrics} on the servers under test. */
    public static final String MONITORING_ADDRESS = "198.51.100.7";

    /** Requests one tenant API key may make per minute on the servers under test. */
    public static final int API_REQUESTS_PER_MINUTE = 100;
    /** When the daily backup is set to start in every server under test: just behind the clock of the run's start. */
    private static final LocalTime DAILY_AT = LocalTime.now(ZoneOffset.UTC).minusMinutes(5)
            .truncatedTo(ChronoUnit.MINUTES);

    /** Where alarms are mailed: the platform operators of the servers under test. */
    public static final String ALARM_MAIL = "operators@strongroom.test";

    private static EmbeddedDatabase database;
    private static app.strongroom.vault.site.S3MockServer s3;
    private static byte[] masterKey;
    private static Path keyStore;
    private static int httpsPort;
    private static int mailPort;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (database != null || System.getProperty("strongroom.test.dir") == null) {
            return;
        }
        Path dir = Path.of(System.getProperty("strongroom.test.dir"));
        // The database is new every run; files and backups of an earlier run would only belong to tenants gone with it.
        for (String leftover : List.of("files", "backups", "crash", "stolen", "tampered", "ear-backups", "ear-files",
                "sites", "two-sites", "s3mock", "ear-sites")) {
            deleteRecursively(dir.resolve(leftover));
        }
        database = EmbeddedDatabase.start(dir.resolve("postgres"), 0, StrongroomHome.randomHex(16), true);
        Platform.ensureCatalogDatabase(database.connection(), CATALOG);
        masterKey = Base64.getDecoder().decode(StrongroomHome.randomBase64(32));
        keyStore = SelfSignedCertificate.ensure(dir.resolve("keystore.p12"), KEYSTORE_PASSWORD.toCharArray());
        httpsPort = freePort();
        mailPort = Mailbox.start();
        System.setProperty(app.strongroom.vault.site.S3MockServer.WORK_PROPERTY, dir.resolve("s3mock").toString());
        s3 = app.strongroom.vault.site.S3MockServer.started(Sites.BUCKET);
        Path settings = settings().writeTo(dir.resolve("micro.properties"));
        System.setProperty("strongroom.test.settingsFile", settings.toString());
        System.setProperty("strongroom.test.preBootFile",
                app.strongroom.launcher.TlsPolicy.writeCommandFile(dir.resolve("pre-boot.asadmin")).toString());
        System.setProperty("strongroom.test.postBootFile", postBootCommands(dir.resolve("post-boot.asadmin")).toString());
        System.setProperty("strongroom.test.pgjdbc", PostBootCommands.postgresDriver().toString());
        System.setProperty("strongroom.test.httpsPort", Integer.toString(httpsPort));
        System.setProperty("strongroom.test.clusterName", "strongroom-test-" + StrongroomHome.randomHex(6));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
            database = null;
        }
        Mailbox.stop();
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
    }

    /** The S3 server that holds the third site's copies; tests stop and start it to take the site down. */
    public static app.strongroom.vault.site.S3MockServer s3() {
        return s3;
    }

    /** The settings of a server under test; each test class may derive its own. */
    public static PlatformConfiguration settings() {
        return new PlatformConfiguration()
                .database(database.connection(), CATALOG)
                .put("strongroom.master-key", Base64.getEncoder().encodeToString(masterKey))
                .put("strongroom.password.iterations", Integer.toString(TEST_ITERATIONS))
                .put("strongroom.password.allow-test-iterations", "true")
                .put("strongroom.operator.login", "operator")
                .put("strongroom.operator.password", operatorPassword())
                .put("strongroom.https-port", Integer.toString(httpsPort))
                // Tests stand in for clients behind a proxy by sending X-Forwarded-For from the loopback address.
                .put("strongroom.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1")
                .put("strongroom.monitoring.addresses", MONITORING_ADDRESS)
                .put("strongroom.throttle.address-failures", "40")
                // Tests make hundreds of tenants; each sign-up comes from an address of its own (Tenants.signUp).
                .put("strongroom.signup.per-hour", "100000")
                // Small enough that a test reaches it in a second or two, large enough for the API tests' own use.
                .put("strongroom.api.requests-per-minute", Integer.toString(API_REQUESTS_PER_MINUTE))
                .put("strongroom.files.dir", directory().resolve("files").toString())
                .put("strongroom.files.max-bytes", Long.toString(MAX_FILE_BYTES))
                .put("strongroom.backup.dir", directory().resolve("backups").toString())
                // A run nobody kept alive this long is resumed: short, so the crash test need not wait minutes.
                .put("strongroom.backup.stale-seconds", "15")
                .put("strongroom.backup.sites", Sites.setting(s3.endpoint().getPort()))
                .put("strongroom.backup.site." + Sites.VIRGINIA + ".access-key-id", Sites.ACCESS_KEY)
                .put("strongroom.backup.site." + Sites.VIRGINIA + ".secret-access-key", Sites.SECRET_KEY)
                // A site that failed is retried after 1 s, then 2, 4...; sites owed a pass are looked for every 2 s.
                .put("strongroom.replication.retry-seconds", "1")
                .put("strongroom.replication.check-seconds", "2")
                .put("strongroom.alarm.mail-to", ALARM_MAIL)
                .put("strongroom.mail.host", "127.0.0.1")
                .put("strongroom.mail.port", Integer.toString(mailPort))
                .put("strongroom.mail.security", "none")
                .put("strongroom.mail.from", "Strongroom Test <no-reply@strongroom.test>")
                // The daily backup and drill would start in the middle of a test that counts backups or compares the
                // catalog before and after (01:30 and 04:30 UTC by default): set just behind the clock, the next
                // falls a day after the run has begun.
                .put("strongroom.backup.daily-at", DAILY_AT.toString())
                .put("strongroom.drill.daily-at", DAILY_AT.plusMinutes(1).toString())
                .keyStore(keyStore, KEYSTORE_PASSWORD);
    }

    /** TLS policy and the job repository in PostgreSQL, as every server under test runs them after boot. */
    public static Path postBootCommands(Path file) {
        return PostBootCommands.write(file, database.connection());
    }

    /** The test run's own directory, for what tests keep on disk (stored files, backups). */
    public static Path directory() {
        return Path.of(System.getProperty("strongroom.test.dir"));
    }

    public static DatabaseConnection database() {
        return database.connection();
    }

    public static byte[] masterKey() {
        return masterKey.clone();
    }

    public static Path keyStore() {
        return keyStore;
    }

    public static int httpsPort() {
        return httpsPort;
    }

    public static String operatorPassword() {
        return "operator-test-password";
    }

    private static void deleteRecursively(Path path) {
        if (!java.nio.file.Files.exists(path)) {
            return;
        }
        try (var files = java.nio.file.Files.walk(path)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
