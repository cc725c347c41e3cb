package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.launcher.DataGrid;
import app.strongroom.launcher.MicroServer;
import app.strongroom.launcher.Platform;
import app.strongroom.launcher.SelfSignedCertificate;
import app.strongroom.launcher.StrongroomHome;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * On request only (see the README): the backup of a large tenant (about {@code bench.rowsMb} MB of rows plus
 * {@code bench.filesMb} MB of stored files) end to end through the running server, against a raw COPY of the same
 * tables to nowhere measured in the same run; the server's peak heap while it runs; and the time to back up
 * {@code bench.smallTenants} small tenants. Report: {@code target/bench/backup.md}.
 */
class BackupBenchmarkIT {
    private static final String CATALOG = "strongroom_catalog_bench";

    @Test
    void backupThroughputAgainstARawCopyOfTheSameTables() throws Exception {
        int rowsMb = Integer.getInteger("bench.rowsMb", 1024);
        int filesMb = Integer.getInteger("bench.filesMb", 200);
        int smallTenants = Integer.getInteger("bench.smallTenants", 100);
        Path dir = TestPlatform.directory().resolve("backup-bench");
        Platform.ensureCatalogDatabase(TestPlatform.database(), CATALOG);
        int https = TestPlatform.freePort();
        Path settings = TestPlatform.settings().put("strongroom.https-port", Integer.toString(https))
                .put("strongroom.catalog.database", CATALOG)
                .put("strongroom.backup.dir", dir.resolve("backups").toString())
                .put("strongroom.files.dir", dir.resolve("files").toString())
                .put("strongroom.files.max-bytes", Long.toString(50L * 1000 * 1000 + 1))
                .put("strongroom.signup.per-hour", "100000")
                .writeTo(dir.resolve("micro.properties"));
        // Uploads are held in memory while they stream to encryption, so data is loaded through a roomy server; the
        // backup then runs on a server with a small heap, which it must not outgrow whatever the tenant's size.
        String heap = System.getProperty("bench.heap", "256m");
        MicroServer loader = start(dir, settings, https, "768m");
        String slug;
        String database;
        long fileBytes = 0;
        try (MicroServer server = loader) {
            FacesClient loading = FacesClient.forTestServer(server.httpsUrl());
            slug = Tenants.create(loading, "big");
            database = databaseOf(slug);
            try (Connection c = Tenants.superuser(database)) {
                Benchmarks.fillContacts(c, rowsMb);
            }
            FacesClient admin = FacesClient.forTestServer(server.httpsUrl());
            Tenants.signIn(admin, slug, "admin", Tenants.PASSWORD);
            long contactId;
            try (Connection c = Tenants.superuser(database);
                 ResultSet r = c.createStatement().executeQuery("select min(id) from contact")) {
                r.next();
                contactId = r.getLong(1);
            }
            Random random = new Random(7);
            for (int i = 0; fileBytes < filesMb * 1_000_000L; i++) {
                byte[] file = new byte[(int) Math.min(50_000_000L, filesMb * 1_000_000L - fileBytes)];
                random.nextBytes(file);
                HttpResponse<String> page = admin.follow("app/contact.xhtml?id=" + contactId);
                assertThat(admin.upload(page, "files", "upload", "file-" + i + ".bin", "application/octet-stream", file,
                        "attach").body()).contains("attached");
                fileBytes += file.length;
            }
        }
        try (MicroServer server = start(dir, settings, https, heap)) {
            FacesClient anyone = FacesClient.forTestServer(server.httpsUrl());

            long rawBytes;
            long rawNanos;
            try (Connection c = Tenants.superuser(database)) {
                CountingNull sink = new CountingNull();
                long start = System.nanoTime();
                for (String table : tables(c)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY public." + table + " TO STDOUT", sink);
                }
                rawNanos = System.nanoTime() - start;
                rawBytes = sink.count;
            }

            FacesClient operator = FacesClient.forTestServer(server.httpsUrl());
            operator.submit("staff-login.xhtml", "staffSignin", Map.of("login", "operator", "password",
                    TestPlatform.operatorPassword()), "submit");
            AtomicBoolean sampling = new AtomicBoolean(true);
            AtomicLong peakHeap = new AtomicLong();
            Thread sampler = new Thread(() -> {
                Pattern used = Pattern.compile("(?m)^jvm_memory_heap_used_bytes (\\d+)");
                while (sampling.get()) {
                    Matcher m = used.matcher(operator.get("metrics").body());
                    if (m.find()) {
                        peakHeap.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                    }
                }
            });
            sampler.start();
            Instant before = Instant.now();
            Backups.backUpNow(operator, slug);
            long backupMillis = Backups.await(Duration.ofMinutes(30), () -> goodBackupMillis(slug, before));
            sampling.set(false);
            sampler.join();
            long backupSize = sizeOfNewest(slug);

            for (int i = 0; i < smallTenants; i++) {
                Tenants.create(anyone, "small");
            }
            Instant runStart = Instant.now();
            operator.submit("staff/tenants.xhtml", "tenants", Map.of(), "backUpAll");
            long runMillis = Backups.await(Duration.ofMinutes(30), () -> runMillis(runStart));

            double seconds = backupMillis / 1000.0;
            double mbPerSecond = (rawBytes + fileBytes) / 1e6 / seconds;
            String report = String.format("""
                    # Backup benchmark

                    One run on this machine; the backups ran on a server with heap -Xmx%s. Rows: %d MB as COPY text (%d contacts); stored files: %d MB.

                    | figure | value |
                    |---|---|
                    | raw `COPY ... TO STDOUT` of the same tables to nowhere | %.1f s (%.0f MB/s) |
                    | backup end to end (snapshot, dump, zip, encrypt, write, digest re-read, files) | %.1f s |
                    | backup throughput, rows + files | %.0f MB/s |
                    | backup time / raw COPY time | %.2fx (goal at most 1.3x; the backup also carries the files) |
                    | encrypted backup size | %.0f MB |
                    | server heap in use, peak while backing up (of the -Xmx above) | %d MB |
                    | %d small tenants plus the big one, one run of every tenant | %.1f s |
                    """, heap, rawBytes / 1_000_000, rowsMb * 1000, fileBytes / 1_000_000, rawNanos / 1e9,
                    rawBytes / 1e6 / (rawNanos / 1e9), seconds, mbPerSecond, seconds / (rawNanos / 1e9),
                    backupSize / 1e6, peakHeap.get() / 1_000_000, smallTenants, runMillis / 1000.0);
            Path out = Path.of(System.getProperty("strongroom.test.dir")).getParent().resolve("bench").resolve("backup.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println(report);
        }
    }

    private static MicroServer start(Path dir, Path settings, int https, String heap) {
        int gridPort = TestPlatform.freePort();
        return MicroServer.start(new MicroServer.Options(Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("strongroom.war")), TestPlatform.freePort(), https, TestPlatform.keyStore(),
                TestPlatform.KEYSTORE_PASSWORD.toCharArray(), SelfSignedCertificate.ALIAS, settings,
                TestPlatform.postBootCommands(dir.resolve("post-boot.asadmin")),
                DataGrid.onThisMachine("strongroom-bench-" + StrongroomHome.randomHex(6), List.of(gridPort), gridPort),
                dir.resolve("server.log"), heap), Duration.ofMinutes(3));
    }

    private static String databaseOf(String slug) throws Exception {
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select id from tenant where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return Tenants.databaseOf(app.strongroom.catalog.TenantId.parse(r.getString(1)));
            }
        }
    }

    private static List<String> tables(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet r = c.createStatement().executeQuery(
                "select quote_ident(table_name) from information_schema.tables where table_schema = 'public' "
                        + "and table_type = 'BASE TABLE'")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        return tables;
    }

    private static Optional<Long> goodBackupMillis(String slug, Instant since) {
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select b.state, b.duration_ms, b.failure from backup b "
                     + "join tenant t on t.id = b.tenant_id where t.slug = ? and b.started_at >= ? and b.state <> 'RUNNING'")) {
            s.setString(1, slug);
            s.setObject(2, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                assertThat(r.getString(1)).as(String.valueOf(r.getString(3))).isEqualTo("GOOD");
                return Optional.of(r.getLong(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sizeOfNewest(String slug) throws Exception {
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select b.size_bytes from backup b join tenant t on t.id = b.tenant_id "
                     + "where t.slug = ? and b.state = 'GOOD' order by b.started_at desc limit 1")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Optional<Long> runMillis(Instant since) {
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select extract(epoch from (finished_at - started_at)) * 1000 "
                     + "from backup_run where started_at >= ? and tenant_id is null and finished_at is not null")) {
            s.setObject(1, java.time.OffsetDateTime.ofInstant(since.minusSeconds(1), java.time.ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of((long) r.getDouble(1)) : Optional.empty();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts bytes and keeps none. */
    private static final class CountingNull extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
