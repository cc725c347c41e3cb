package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.launcher.DataGrid;
import app.strongroom.launcher.MicroServer;
import app.strongroom.launcher.Platform;
import app.strongroom.launcher.SelfSignedCertificate;
import app.strongroom.launcher.StrongroomHome;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * On request only (see the README): downloads of a large tenant's backup (about {@code bench.rowsMb} MB of rows)
 * through the running server, kept (decrypted on the fly) and live (made while it streams), each against reading the
 * same encrypted file from disk in the same run (and, for comparison, decrypting it in the test's own JVM); and the
 * server's peak heap meanwhile, on a heap far smaller than the backup. Report: {@code target/bench/download.md}.
 */
class DownloadBenchmarkIT {
    private static final String CATALOG = "strongroom_catalog_download_bench";
    private static final int BUFFER = 1 << 16;

    @Test
    void downloadThroughputAgainstReadingTheEncryptedFile() throws Exception {
        int rowsMb = Integer.getInteger("bench.rowsMb", 1024);
        String heap = System.getProperty("bench.heap", "256m");
        Path dir = TestPlatform.directory().resolve("download-bench");
        Benchmarks.deleteRecursively(dir);
        Platform.ensureCatalogDatabase(TestPlatform.database(), CATALOG);
        int https = TestPlatform.freePort();
        Path settings = TestPlatform.settings().put("strongroom.https-port", Integer.toString(https))
                .put("strongroom.catalog.database", CATALOG)
                .put("strongroom.backup.dir", dir.resolve("backups").toString())
                .put("strongroom.files.dir", dir.resolve("files").toString())
                .put("strongroom.backup.sites", Benchmarks.directorySites(dir))
                .writeTo(dir.resolve("micro.properties"));
        try (MicroServer server = start(dir, settings, https, heap)) {
            FacesClient anyone = FacesClient.forTestServer(server.httpsUrl());
            String slug = Tenants.create(anyone, "big-download");
            String database = databaseOf(slug);
            try (Connection c = Tenants.superuser(database)) {
                Benchmarks.fillContacts(c, rowsMb);
            }
            FacesClient operator = FacesClient.forTestServer(server.httpsUrl());
            operator.submit("staff-login.xhtml", "staffSignin", Map.of("login", "operator", "password",
                    TestPlatform.operatorPassword()), "submit");
            Instant before = Instant.now();
            Backups.backUpNow(operator, slug);
            UUID backup = Backups.await(Duration.ofMinutes(30), () -> goodBackup(slug, before));
            Path encrypted = dir.resolve("backups").resolve("tenants").resolve(tenantOf(slug)).resolve("backups")
                    .resolve(fileName(backup));
            long encryptedBytes = Files.size(encrypted);
            // The backup job copies it to the sites next; measured only once that is done, so nothing else runs.
            Backups.await(Duration.ofMinutes(30), () -> Optional.of(true).filter(t -> verifiedCopies(backup) == 3));

            FacesClient admin = FacesClient.forTestServer(server.httpsUrl());
            assertThat(Tenants.signIn(admin, slug, "admin", Tenants.PASSWORD).statusCode()).isEqualTo(302);
            String origin = server.httpsUrl().toString().replaceAll("/$", "");

            AtomicBoolean sampling = new AtomicBoolean(true);
            AtomicLong peakHeap = new AtomicLong();
            Thread sampler = heapSampler(operator, sampling, peakHeap);
            sampler.start();
            // Each measured twice, in turn, the better kept: the first pass also warms the JIT and the page cache.
            double disk = Double.MAX_VALUE;
            double decrypt = Double.MAX_VALUE;
            double kept = Double.MAX_VALUE;
            double live = Double.MAX_VALUE;
            long keptBytes = 0;
            long liveBytes = 0;
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                long read = readFile(encrypted);
                disk = Math.min(disk, seconds(start));
                assertThat(read).isEqualTo(encryptedBytes);

                start = System.nanoTime();
                decryptLocally(encrypted, backup);
                decrypt = Math.min(decrypt, seconds(start));

                start = System.nanoTime();
                keptBytes = drain(admin.exchange("GET", "downloads/backups/" + backup, Map.of(),
                        HttpResponse.BodyHandlers.ofInputStream()));
                kept = Math.min(kept, seconds(start));

                start = System.nanoTime();
                liveBytes = drain(Backups.liveDownload(admin, origin, HttpResponse.BodyHandlers.ofInputStream()));
                live = Math.min(live, seconds(start));
            }
            sampling.set(false);
            sampler.join();

            double diskMbs = encryptedBytes / 1e6 / disk;
            double keptMbs = keptBytes / 1e6 / kept;
            double liveMbs = liveBytes / 1e6 / live;
            String report = String.format("""
                    # Download benchmark

                    One run on this machine; the server ran with heap -Xmx%s. A tenant of %d contacts (%d MB of rows); its kept backup is %.0f MB encrypted. Downloads over HTTPS (HTTP/2, Java's HTTP client) to nowhere; the disk read is a plain FileChannel read of the encrypted file to nowhere. Best of two rounds each.

                    | figure | value |
                    |---|---|
                    | reading the encrypted backup file from disk | %.2f s (%.0f MB/s) |
                    | for comparison: decrypting it here, outside the server, through the same seekable decryption | %.2f s (%.0f MB/s) |
                    | kept backup downloaded whole, decrypted on the fly (%.0f MB) | %.2f s (%.0f MB/s) = %.2fx the disk read's throughput |
                    | live download, made while it streams (%.0f MB) | %.2f s (%.0f MB/s) = %.2fx the disk read's throughput |
                    | server heap in use, peak while downloading (of the -Xmx above, garbage not yet collected included) | %d MB |
                    """, heap, rowsMb * 1000, rowsMb, encryptedBytes / 1e6, disk, diskMbs, decrypt,
                    encryptedBytes / 1e6 / decrypt, keptBytes / 1e6, kept, keptMbs,
                    keptMbs / diskMbs, liveBytes / 1e6, live, liveMbs, liveMbs / diskMbs, peakHeap.get() / 1_000_000);
            Path out = Path.of(System.getProperty("strongroom.test.dir")).getParent().resolve("bench").resolve("download.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println(report);
        }
    }

    private static long readFile(Path file) throws Exception {
        long total = 0;
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int n; (n = channel.read(buffer.clear())) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    /** The whole plaintext through {@code SeekableBackup}, with the tenant's key from the location's key file. */
    private static void decryptLocally(Path encrypted, UUID backup) throws Exception {
        Path tenantDir = encrypted.getParent().getParent();
        var keyset = app.strongroom.vault.keys.TenantKeyset.unwrap(app.strongroom.vault.keys.WrappedKeyset.fromJson(
                Files.readAllBytes(tenantDir.resolve("key.json"))),
                List.of(app.strongroom.vault.keys.MasterKey.of(TestPlatform.masterKey())));
        try (var plain = app.strongroom.vault.format.SeekableBackup.open(FileChannel.open(encrypted,
                StandardOpenOption.READ), keyset.streamingAead(), app.strongroom.vault.format.BackupBinding
                .tenantBackup(tenantDir.getFileName().toString(), backup.toString()))) {
            plain.copy(0, plain.size(), java.io.OutputStream.nullOutputStream());
        }
    }

    private static long drain(HttpResponse<InputStream> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static Thread heapSampler(FacesClient operator, AtomicBoolean sampling, AtomicLong peak) {
        return new Thread(() -> {
            Pattern used = Pattern.compile("(?m)^jvm_memory_heap_used_bytes (\\d+)");
            while (sampling.get()) {
                Matcher m = used.matcher(operator.get("metrics").body());
                if (m.find()) {
                    peak.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                }
                // A few samples a second: enough for a peak, little enough not to slow what is measured on 2 cores.
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /** Three directory sites of this benchmark's own, so its backup is not copied into the suite's. */

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
        return Tenants.databaseOf(app.strongroom.catalog.TenantId.parse(tenantOf(slug)));
    }

    private static String tenantOf(String slug) throws Exception {
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select id from tenant where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** What an earlier run left: its backups belong to tenants of a catalog made anew with every run. */

    private static Optional<UUID> goodBackup(String slug, Instant since) {
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select b.id, b.state, b.failure from backup b "
                     + "join tenant t on t.id = b.tenant_id where t.slug = ? and b.started_at >= ? and b.state <> 'RUNNING'")) {
            s.setString(1, slug);
            s.setObject(2, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                assertThat(r.getString(2)).as(String.valueOf(r.getString(3))).isEqualTo("GOOD");
                return Optional.of(r.getObject(1, UUID.class));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int verifiedCopies(UUID backup) {
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select count(*) from site_copy where backup_id = ? "
                     + "and state = 'VERIFIED'")) {
            s.setString(1, backup.toString());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(UUID backup) throws Exception {
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select file_name from backup where id = ?")) {
            s.setObject(1, backup);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
