package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.launcher.MicroServer;
import app.strongroom.launcher.Platform;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * On request only (see the README): a large tenant's kept backup (about {@code bench.rowsMb} MB of rows) restored by
 * the helpdesk into a side database (fetched, every segment authenticated, every entry and row count checked) and
 * into the live database (that, plus the safety backup of the live database, the audit trail carried over and the
 * swap), each against Debian's psql restoring the same {@code dump.sql} into an empty database in the same run.
 * Report: {@code target/bench/restore.md}.
 */
class RestoreBenchmarkIT {
    private static final String CATALOG = "strongroom_catalog_restore_bench";

    @Test
    void restoreTimesAgainstPsqlRestoringTheSameDump() throws Exception {
        int rowsMb = Integer.getInteger("bench.rowsMb", 1024);
        Path dir = TestPlatform.directory().resolve("restore-bench");
        Benchmarks.deleteRecursively(dir);
        Platform.ensureCatalogDatabase(TestPlatform.database(), CATALOG);
        try (MicroServer server = OwnServer.start(dir.resolve("server"), CATALOG, "512m", settings -> settings
                .put("strongroom.backup.dir", dir.resolve("backups").toString())
                .put("strongroom.files.dir", dir.resolve("files").toString())
                .put("strongroom.backup.sites", Benchmarks.directorySites(dir)))) {
            String slug = Tenants.create(FacesClient.forTestServer(server.httpsUrl()), "big-restore");
            String tenant = scalar(CATALOG, "select id from tenant where slug = ?", slug);
            String database = Tenants.databaseOf(app.strongroom.catalog.TenantId.parse(tenant));
            try (Connection c = Tenants.superuser(database)) {
                Benchmarks.fillContacts(c, rowsMb);
            }
            Backups.backUpNow(Backups.operator(server.httpsUrl()), slug);
            UUID backup = Backups.await(Duration.ofMinutes(30), () -> Optional.ofNullable(query(
                    "select id from backup where state = 'GOOD' and tenant_id = ?::uuid", tenant)).map(UUID::fromString));
            // The backup job copies it to the sites next; measured only once that is done, so nothing else runs.
            Backups.await(Duration.ofMinutes(30), () -> Optional.ofNullable(query("select count(*) from site_copy "
                    + "where state = 'VERIFIED' and backup_id = ?::uuid", String.valueOf(backup))).filter("3"::equals));

            Path zip = dir.resolve("backup.zip");
            Path location = dir.resolve("backups");
            Path masterKey = Backups.masterKeyFile();
            Backups.Tool decrypted = Backups.recover("--location", location.toString(), "--master-key-file",
                    masterKey.toString(), "decrypt", "--tenant", tenant, "--out", zip.toString());
            assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
            Path dump = dir.resolve("dump.sql");
            try (ZipFile opened = new ZipFile(zip.toFile()); InputStream in = opened.getInputStream(opened.getEntry("dump.sql"))) {
                Files.copy(in, dump);
            }
            long dumpBytes = Files.size(dump);
            long psqlStart = System.nanoTime();
            Backups.psqlRestore(dump, "restore_bench_psql");
            double psql = (System.nanoTime() - psqlStart) / 1e9;

            String helpdesk = Restores.helpdeskMember(CATALOG);
            double side = timed(Restores.request(Restores.signedInStaff(server.httpsUrl(), helpdesk), CATALOG, slug,
                    backup, "SIDE", "BENCH-1 side restore"));
            double live = timed(Restores.request(Restores.signedInStaff(server.httpsUrl(), helpdesk), CATALOG, slug,
                    backup, "LIVE", "BENCH-2 live restore"));

            double gb = dumpBytes / 1e9;
            String report = String.format("""
                    # Restore benchmark

                    dump.sql: %,d bytes (%.2f GB), %d MB of rows requested; server heap 512m; 2 cores.

                    | restore | seconds | seconds per GB of dump.sql | against psql |
                    |---|---|---|---|
                    | psql -f dump.sql into an empty database (baseline) | %.1f | %.1f | 1.00 |
                    | side restore (fetch, Tink per segment, digests, row counts, read-only copy) | %.1f | %.1f | %.2f |
                    | live restore (the side restore's work, plus the safety backup of the live data, the audit \
                    trail carried over, the swap) | %.1f | %.1f | %.2f |
                    """, dumpBytes, gb, rowsMb, psql, psql / gb, side, side / gb, side / psql, live, live / gb,
                    live / psql);
            Path out = Path.of("target", "bench", "restore.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println(report);
        }
    }

    /** The restore's time from its request to its end, as the catalog recorded them, once it is done. */
    private static double timed(UUID restore) throws SQLException {
        Map<String, Object> done = Restores.awaitFinished(CATALOG, restore, Duration.ofMinutes(60));
        assertThat(done.get("state")).as(String.valueOf(done.get("failure"))).isEqualTo("DONE");
        try (Connection c = Tenants.superuser(CATALOG); PreparedStatement s = c.prepareStatement(
                "select requested_at, finished_at from restore_run where id = ?")) {
            s.setObject(1, restore);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return Duration.between(r.getObject(1, OffsetDateTime.class), r.getObject(2, OffsetDateTime.class))
                        .toMillis() / 1000.0;
            }
        }
    }

    private static String query(String sql, Object... parameters) {
        try {
            return scalar(CATALOG, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String scalar(String database, String sql, Object... parameters) throws SQLException {
        return Tenants.column(database, sql, parameters).stream().findFirst().orElse(null);
    }


}
