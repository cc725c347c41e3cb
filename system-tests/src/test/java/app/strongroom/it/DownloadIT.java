package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.strongroom.catalog.TenantId;
import app.strongroom.vault.format.BackupReader;
import app.strongroom.vault.format.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Downloads of backups (P8) against the running server: a live download streamed while users write, restored by
 * Debian's psql; one live download per company at a time; kept backups whole and resumed byte for byte, with the
 * answers HTTP prescribes for odd ranges; a damaged file cuts the response; every refusal and every download audited.
 */
@OnStrongroom
@RunAsClient
class DownloadIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");
    private static final String ORIGIN = "https://localhost:" + System.getProperty("strongroom.test.httpsPort");
    private static final Pattern LIVE_FILE = Pattern.compile("attachment; filename=\"([a-z0-9-]+)-live-(\\d{8}T\\d{6}Z)\\.zip\"");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @Test
    void aLiveDownloadStreamsWhileUsersWriteAndIsOneSnapshotThatPsqlRestores() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "live");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        fill(tenant, 40_000);
        FacesClient admin = signedIn(slug, "admin", "203.0.113.31");
        byte[] photo = random(1_500_000);
        upload(admin, tenant, "photo.jpg", photo);

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong commits = new AtomicLong();
        Thread writer = ledgerWriter(tenant, writing, commits);
        writer.start();
        Path zip = TestPlatform.directory().resolve("live-" + slug + ".zip");
        long commitsBefore;
        HttpResponse<InputStream> answer;
        try {
            Backups.await(Duration.ofSeconds(10), () -> Optional.of(true).filter(t -> commits.get() > 0));
            commitsBefore = commits.get();
            answer = Backups.liveDownload(admin, ORIGIN, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(liveLease(tenant)).as("the answer began while the backup was still being made, nothing of it "
                    + "read yet: streamed, not prepared").isPresent();
            try (InputStream in = answer.body()) {
                Files.copy(in, zip, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(commits.get()).as("users kept writing while the download ran").isGreaterThan(commitsBefore);
        Matcher name = LIVE_FILE.matcher(answer.headers().firstValue("Content-Disposition").orElse(""));
        assertThat(name.matches()).as(answer.headers().map().toString()).isTrue();
        assertThat(name.group(1)).isEqualTo(slug);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        Manifest manifest = BackupReader.verify(zip);
        assertThat(manifest.subjectName()).isEqualTo(slug);
        long contacts;
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant)); Statement s = c.createStatement()) {
            contacts = Long.parseLong(single(s, "select count(*) from contact"));
        }
        assertThat(manifest.rowCounts()).containsEntry("contact", contacts).containsEntry("stored_file", 1L);
        String dumpFile;
        try (ZipFile opened = new ZipFile(zip.toFile())) {
            long fileId = idWhere(tenant, "select id from stored_file where name = ?", "photo.jpg");
            assertThat(opened.getInputStream(opened.getEntry("filestore/" + fileId + "/photo.jpg")).readAllBytes())
                    .isEqualTo(photo);
            Path dump = TestPlatform.directory().resolve("live-" + slug + ".sql");
            Files.copy(opened.getInputStream(opened.getEntry("dump.sql")), dump, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.readString(dump)).as("the accounts' password hashes do not leave the platform")
                    .doesNotContain("pbkdf2");
            assertThat(new String(opened.getInputStream(opened.getEntry("credentials.sealed")).readAllBytes(),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("pbkdf2");
            dumpFile = dump.toString();
        }
        String restored = "live_" + slug.replace('-', '_');
        Backups.psqlRestore(Path.of(dumpFile), restored);
        try (Connection c = Tenants.superuser(restored); Statement s = c.createStatement()) {
            for (Map.Entry<String, Long> table : manifest.rowCounts().entrySet()) {
                // The table's name as an identifier PostgreSQL quotes itself, so no name reaches the query as text.
                try (ResultSet r = s.executeQuery(countOf(c, table.getKey()))) {
                    r.next();
                    assertThat(r.getLong(1)).as("rows of " + table.getKey()).isEqualTo(table.getValue());
                }
            }
            String a = single(s, "select notes from contact where name = 'ledger A'");
            String b = single(s, "select detail from security_event where login = 'ledger B'");
            assertThat(a).as("both tables from the same moment").isEqualTo(b);
            assertThat(Long.parseLong(a)).isPositive();
        }
        assertThat(liveLease(tenant)).as("the lease is given up at the end").isEmpty();
        assertThat(events(tenant)).anySatisfy(e -> assertThat(e).startsWith("LIVE_BACKUP_DOWNLOADED admin 203.0.113.31 ")
                .contains(slug + "-live-" + name.group(2) + ".zip"));
    }

    @Test
    void oneLiveDownloadPerCompanyAtATimeAndALeaseWhoseServerDiedHoldsNobody() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "one-live");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        Tenants.addAdministrator(tenant, "bea");
        fill(tenant, 40_000);
        FacesClient admin = signedIn(slug, "admin", "203.0.113.41");
        FacesClient bea = signedIn(slug, "bea", "203.0.113.42");
        HttpResponse<String> beasPage = bea.get("app/admin/backups.xhtml");
        assertThat(beasPage.body()).contains("id=\"live:downloadLive\"");

        HttpResponse<InputStream> first = Backups.liveDownload(admin, ORIGIN,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(first.statusCode()).isEqualTo(200);
        Path zip = TestPlatform.directory().resolve("first-" + slug + ".zip");
        try (InputStream in = first.body(); java.io.OutputStream out = Files.newOutputStream(zip)) {
            byte[] head = in.readNBytes(64 * 1024);
            assertThat(head).hasSize(64 * 1024);
            out.write(head);

            HttpResponse<String> second = Backups.liveDownloadFrom(bea, beasPage, ORIGIN,
                    HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(second.body()).contains("A live download of your company's data is already running")
                    .contains("by admin").contains("Only one runs at a time");
            String page = bea.get("app/admin/backups.xhtml").body();
            assertThat(page).contains("id=\"liveRunning\"").contains("by admin is running")
                    .doesNotContain("downloadLive");

            in.transferTo(out);
        }
        assertThat(BackupReader.verify(zip).rowCounts()).containsEntry("contact", 40_000L);
        assertThat(events(tenant)).anySatisfy(e -> assertThat(e)
                .startsWith("BACKUP_DOWNLOAD_REFUSED bea 203.0.113.42 asked for a live download while another one "
                        + "was running (started by admin at "));
        Backups.await(Duration.ofSeconds(10), () -> Optional.of(true).filter(t -> liveLease(tenant).isEmpty()));
        beasPage = bea.get("app/admin/backups.xhtml");
        assertThat(beasPage.body()).contains("id=\"live:downloadLive\"");

        // Another server instance's download, still renewing its lease: the catalog refuses this one too.
        lease(tenant, "other-host/" + UUID.randomUUID() + "/" + UUID.randomUUID(), Instant.now().plusSeconds(60));
        assertThat(Backups.liveDownloadFrom(bea, beasPage, ORIGIN, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(409);
        // That server died: its lease ran out, and the company is not locked out.
        clearLease(tenant);
        lease(tenant, "dead-host/" + UUID.randomUUID() + "/" + UUID.randomUUID(), Instant.now().minusSeconds(1));
        HttpResponse<byte[]> after = Backups.liveDownload(bea, ORIGIN, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(after.statusCode()).isEqualTo(200);
        Path afterZip = TestPlatform.directory().resolve("after-" + slug + ".zip");
        Files.write(afterZip, after.body());
        assertThat(BackupReader.verify(afterZip).subjectName()).isEqualTo(slug);
        assertThat(liveLease(tenant)).isEmpty();

        // A download given up by its client frees the company at once, and says so in the trail.
        for (HttpClient.Version version : List.of(HttpClient.Version.HTTP_2, HttpClient.Version.HTTP_1_1)) {
            FacesClient client = FacesClient.forTestServer(BASE, version).from("203.0.113.43");
            Tenants.signIn(client, slug, "bea", Tenants.PASSWORD);
            HttpResponse<InputStream> abandoned = Backups.liveDownload(client, ORIGIN,
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = abandoned.body()) {
                assertThat(in.readNBytes(64 * 1024)).hasSize(64 * 1024);
            }
            Backups.await(Duration.ofSeconds(60), () -> Optional.of(true).filter(t -> liveLease(tenant).isEmpty()));
        }
        assertThat(events(tenant)).filteredOn(e -> e.startsWith("BACKUP_DOWNLOAD_FAILED bea 203.0.113.43 live backup ")
                && e.endsWith("the connection was closed before the end")).hasSize(2);
    }

    @Test
    void aKeptBackupDownloadedWholeOrResumedIsTheDecryptedBackupByteForByte() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "kept");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        fill(tenant, 1_000);
        FacesClient admin = signedIn(slug, "admin", "203.0.113.51");
        upload(admin, tenant, "one.bin", random(1_900_000));
        upload(admin, tenant, "two.bin", random(1_900_000));
        Backups.Attempt backup = backUp(tenant, slug);
        byte[] expected = decrypted(tenant, backup);
        assertThat(expected.length).as("several segments of 1 MiB").isGreaterThan(3 << 20);
        String path = "downloads/backups/" + backup.id();

        HttpResponse<byte[]> whole = get(admin, path, Map.of());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(expected);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).as("a strong validator").startsWith("\"").endsWith("\"").contains(backup.id().toString());
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.headers().firstValue("Content-Length")).hasValue(Long.toString(expected.length));
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(whole.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .matches("attachment; filename=\"" + Pattern.quote(slug) + "-backup-\\d{8}T\\d{6}Z\\.zip\""));
        assertThat(whole.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(whole.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<byte[]> head = admin.exchange("HEAD", path, Map.of(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Long.toString(expected.length));
        assertThat(head.headers().firstValue("ETag")).hasValue(etag);

        // Interrupted after a third, in the second segment, and resumed as a browser resumes: Range with If-Range.
        int cut = expected.length / 3;
        byte[] received;
        HttpResponse<InputStream> interrupted = admin.exchange("GET", path, Map.of(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = interrupted.body()) {
            received = in.readNBytes(cut);
        }
        HttpResponse<byte[]> resumed = get(admin, path, Map.of("Range", "bytes=" + cut + "-", "If-Range", etag));
        assertThat(resumed.statusCode()).isEqualTo(206);
        assertThat(resumed.headers().firstValue("Content-Range"))
                .hasValue("bytes " + cut + "-" + (expected.length - 1) + "/" + expected.length);
        assertThat(resumed.headers().firstValue("Content-Length")).hasValue(Long.toString(expected.length - cut));
        byte[] joined = Arrays.copyOf(received, expected.length);
        System.arraycopy(resumed.body(), 0, joined, cut, resumed.body().length);
        assertThat(joined).as("the part before the cut and the resumed rest are the backup").isEqualTo(expected);

        assertThat(get(admin, path, Map.of("Range", "bytes=1000-1999")).body())
                .isEqualTo(Arrays.copyOfRange(expected, 1000, 2000));
        HttpResponse<byte[]> tail = get(admin, path, Map.of("Range", "bytes=-700"));
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(expected, expected.length - 700, expected.length));

        HttpResponse<byte[]> beyond = get(admin, path, Map.of("Range", "bytes=" + expected.length + "-"));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + expected.length);
        for (Map<String, String> wholeAgain : List.of(Map.of("Range", "bytes=abc-def"), Map.of("Range", "bytes=500-100"),
                Map.of("Range", "bytes=0-10,20-30"), Map.of("Range", "bytes=" + cut + "-", "If-Range", "\"an-older-backup\""),
                Map.of("Range", "bytes=" + cut + "-", "If-Range", "Tue, 15 Nov 1994 08:12:31 GMT"))) {
            HttpResponse<byte[]> answer = get(admin, path, wholeAgain);
            assertThat(answer.statusCode()).as(wholeAgain.toString()).isEqualTo(200);
            assertThat(answer.body()).as(wholeAgain.toString()).isEqualTo(expected);
        }

        assertThat(events(tenant)).anySatisfy(e -> assertThat(e).isEqualTo("BACKUP_DOWNLOADED admin 203.0.113.51 "
                + "the backup of " + startedAt(backup) + " (" + backup.id() + "), bytes " + cut + "-"
                + (expected.length - 1) + " of " + expected.length + " (resumed or partial)"));
        assertThat(events(tenant)).filteredOn(e -> e.contains("whole, " + expected.length + " bytes")).hasSizeGreaterThan(5);
        assertThat(admin.get("app/admin/security.xhtml").body()).contains("Backup downloaded").contains("203.0.113.51");
    }

    @Test
    void aDamagedKeptFileCutsTheResponseAndAMissingOneIsExplained() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "damaged");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        FacesClient admin = signedIn(slug, "admin", "203.0.113.61");
        upload(admin, tenant, "one.bin", random(1_900_000));
        upload(admin, tenant, "two.bin", random(1_900_000));
        Backups.Attempt backup = backUp(tenant, slug);
        byte[] expected = decrypted(tenant, backup);
        Path file = Backups.location().resolve("tenants").resolve(tenant.value().toString()).resolve("backups")
                .resolve(backup.fileName());
        String path = "downloads/backups/" + backup.id();
        byte[] original = Files.readAllBytes(file);
        byte[] damaged = original.clone();
        damaged[(3 << 20) + 4096] ^= 0x20;
        Files.write(file, damaged);
        try {
            for (HttpClient.Version version : List.of(HttpClient.Version.HTTP_2, HttpClient.Version.HTTP_1_1)) {
                FacesClient client = FacesClient.forTestServer(BASE, version).from("203.0.113.61");
                Tenants.signIn(client, slug, "admin", Tenants.PASSWORD);
                HttpResponse<InputStream> answer = client.exchange("GET", path, Map.of(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(answer.statusCode()).isEqualTo(200);
                java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                Throwable cut = catchThrowable(() -> {
                    try (InputStream in = answer.body()) {
                        in.transferTo(got);
                    }
                });
                assertThat(cut).as(version + ": the response is cut, never completed").isInstanceOf(IOException.class);
                assertThat(got.size()).as(version + ": nothing of the damaged segment").isLessThan(3 << 20);
                assertThat(got.toByteArray()).as(version + ": what came was authentic")
                        .isEqualTo(Arrays.copyOf(expected, got.size()));
                assertThat(get(client, path, Map.of("Range", "bytes=0-999999")).body())
                        .as(version + ": a range before the damage is still served")
                        .isEqualTo(Arrays.copyOf(expected, 1_000_000));
            }
            assertThat(events(tenant)).anySatisfy(e -> assertThat(e).startsWith("BACKUP_DOWNLOAD_FAILED admin 203.0.113.61 ")
                    .contains("failed its integrity check"));

            Files.move(file, file.resolveSibling("aside"));
            try {
                HttpResponse<String> missing = admin.exchange("GET", path, Map.of(), HttpResponse.BodyHandlers.ofString());
                assertThat(missing.statusCode()).isEqualTo(503);
                // Whether the sites hold it safe yet depends on how far replication got; the answer says which.
                assertThat(missing.body()).contains("its copy on our main server is missing or damaged")
                        .satisfiesAnyOf(b -> assertThat(b).contains("The backup itself is safe: its copies at our "
                                + "backup sites are verified. Ask the helpdesk, who can restore it for you"),
                                b -> assertThat(b).contains("Ask the helpdesk about it"));
            } finally {
                Files.move(file.resolveSibling("aside"), file);
            }
        } finally {
            Files.write(file, original);
        }
        assertThat(get(admin, path, Map.of()).body()).isEqualTo(expected);

        // A live download that fails half-way (a stored file altered on disk) is cut off too, never completed.
        Path stored = TestPlatform.directory().resolve("files").resolve(tenant.value().toString())
                .resolve(fileKey(tenant, "two.bin") + ".bin");
        byte[] intact = Files.readAllBytes(stored);
        byte[] altered = intact.clone();
        altered[intact.length / 2] ^= 0x01;
        Files.write(stored, altered);
        try {
            for (HttpClient.Version version : List.of(HttpClient.Version.HTTP_2, HttpClient.Version.HTTP_1_1)) {
                FacesClient client = FacesClient.forTestServer(BASE, version).from("203.0.113.62");
                Tenants.signIn(client, slug, "admin", Tenants.PASSWORD);
                HttpResponse<InputStream> answer = Backups.liveDownload(client, ORIGIN,
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(answer.statusCode()).isEqualTo(200);
                Throwable cut = catchThrowable(() -> {
                    try (InputStream in = answer.body()) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                });
                assertThat(cut).as(version + ": the live download is cut, never completed").isInstanceOf(IOException.class);
            }
        } finally {
            Files.write(stored, intact);
        }
        assertThat(events(tenant)).anySatisfy(e -> assertThat(e).startsWith("BACKUP_DOWNLOAD_FAILED admin 203.0.113.62 live backup ")
                .contains("was not completed"));
        assertThat(liveLease(tenant)).isEmpty();
    }

    private static String fileKey(TenantId tenant, String name) throws SQLException {
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant));
             PreparedStatement s = c.prepareStatement("select file_key from stored_file where name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    @Test
    void aPlainUserAnotherCompanysAdministratorStaffAndNobodyAreRefusedAndEachRefusalIsAudited() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "guarded");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        addUser(tenant, "carl");
        Backups.Attempt backup = backUp(tenant, slug);
        String path = "downloads/backups/" + backup.id();
        String other = Tenants.create(FacesClient.forTestServer(BASE), "intruder");
        TenantId otherTenant = Tenants.idOf(other).orElseThrow();

        FacesClient carl = signedIn(slug, "carl", "203.0.113.71");
        assertThat(carl.get(path).statusCode()).isEqualTo(403);
        HttpResponse<String> carlLive = live(carl);
        assertThat(carlLive.statusCode()).isEqualTo(403);
        assertThat(carlLive.body()).contains("Only your company's administrators can download backups");
        assertThat(carl.get("app/admin/backups.xhtml").statusCode()).isEqualTo(403);
        assertThat(carl.get("app/contacts.xhtml").body()).doesNotContain("navBackups");
        assertThat(events(tenant)).contains(
                "BACKUP_DOWNLOAD_REFUSED carl 203.0.113.71 asked for backup " + backup.id()
                        + "; refused: only the company's administrators download backups",
                "BACKUP_DOWNLOAD_REFUSED carl 203.0.113.71 asked for the live download; refused: only the company's "
                        + "administrators download backups");

        FacesClient intruder = signedIn(other, "admin", "203.0.113.72");
        HttpResponse<String> theirs = intruder.get(path);
        HttpResponse<String> nothing = intruder.get("downloads/backups/" + UUID.randomUUID());
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).as("no hint that the backup exists").isEqualTo(nothing.body());
        assertThat(intruder.exchange("HEAD", path, Map.of(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(404);
        assertThat(events(otherTenant)).contains("BACKUP_DOWNLOAD_REFUSED admin 203.0.113.72 asked for backup "
                + backup.id() + ", which is not one of this company's kept backups");
        assertThat(events(tenant)).contains("BACKUP_DOWNLOAD_REFUSED - 203.0.113.72 refused to admin, a user of another "
                + "company (" + other + "), who asked for the backup of " + startedAt(backup) + " (" + backup.id() + ")");

        FacesClient nobody = FacesClient.forTestServer(BASE).from("203.0.113.73");
        HttpResponse<String> anonymous = nobody.get(path);
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.body()).contains("Sign in as one");
        assertThat(live(nobody).statusCode()).isEqualTo(403);
        assertThat(events(tenant)).contains("BACKUP_DOWNLOAD_REFUSED - 203.0.113.73 refused to somebody not signed in, "
                + "who asked for backup " + backup.id());
        assertThat(platformEvents()).contains(
                "DOWNLOAD_REFUSED 203.0.113.73 somebody not signed in asked for backup " + backup.id()
                        + "; refused: only the company's administrators download backups",
                "DOWNLOAD_REFUSED 203.0.113.73 somebody not signed in asked for the live download; refused: only the "
                        + "company's administrators download backups");

        FacesClient operator = Backups.operator(BASE).from("203.0.113.74");
        assertThat(operator.get(path).statusCode()).isEqualTo(403);
        assertThat(platformEvents()).contains("DOWNLOAD_REFUSED 203.0.113.74 platform staff member operator asked for "
                + "backup " + backup.id() + "; refused: only the company's administrators download backups");

        // The company's own administrator, lured by another site: the live download is never started for it.
        FacesClient admin = signedIn(slug, "admin", "203.0.113.75");
        HttpResponse<String> forged = admin.exchange("POST", "downloads/backups/live",
                Map.of("Origin", "https://evil.example"), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> direct = live(admin);
        assertThat(direct.statusCode()).as("a post that is not the Backups page's form, view state and all")
                .isEqualTo(403);
        assertThat(direct.body()).contains("started with the button on the Backups page");
        HttpResponse<String> linked = admin.get("downloads/backups/live");
        assertThat(linked.statusCode()).as("a link cannot start one").isEqualTo(405);
        assertThat(linked.headers().firstValue("Allow")).hasValue("POST");
        assertThat(events(tenant)).noneMatch(e -> e.startsWith("LIVE_BACKUP_DOWNLOADED"));
        assertThat(liveLease(tenant)).isEmpty();
        assertThat(admin.get("downloads/backups/not-a-backup").statusCode()).isEqualTo(404);
        assertThat(events(tenant)).contains("BACKUP_DOWNLOAD_REFUSED admin 203.0.113.75 asked for the address "
                + "/not-a-backup; refused: there is no such backup");
    }

    @Test
    void anAdministratorDownloadsTheLiveDataAndAKeptBackupFromTheBackupsPageInTheBrowser() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "browser-dl");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        fill(tenant, 500);
        Backups.Attempt backup = backUp(tenant, slug);
        byte[] expected = decrypted(tenant, backup);
        try (Browser browser = Browser.open(BASE)) {
            browser.go("login.xhtml").fill("signin:tenant", slug).fill("signin:login", "admin")
                    .fill("signin:password", Tenants.PASSWORD).submit("signin:submit");
            browser.go("app/admin/trust.xhtml");
            browser.markPage();
            browser.byId("toBackups").click();
            browser.awaitNewPage();
            assertThat(browser.present("navBackups")).isTrue();
            assertThat(browser.text()).contains("Download a backup of the live data now").contains("Kept backups");

            browser.byId("live:downloadLive").click();
            Path live = awaitDownloaded(browser, slug + "-live-");
            assertThat(BackupReader.verify(live).rowCounts()).containsEntry("contact", 500L);

            List<org.openqa.selenium.WebElement> links = browser.all(By.cssSelector("a.download-link"));
            assertThat(links).hasSize(1);
            links.get(0).click();
            Path kept = awaitDownloaded(browser, slug + "-backup-");
            assertThat(Files.readAllBytes(kept)).isEqualTo(expected);
        }
        assertThat(events(tenant)).anySatisfy(e -> assertThat(e).startsWith("LIVE_BACKUP_DOWNLOADED admin "))
                .anySatisfy(e -> assertThat(e).startsWith("BACKUP_DOWNLOADED admin ").contains(backup.id().toString()));
    }

    private static Path awaitDownloaded(Browser browser, String prefix) {
        return Backups.await(Duration.ofSeconds(60), () -> {
            try (var files = Files.list(browser.downloads())) {
                return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                        .filter(p -> p.getFileName().toString().endsWith(".zip")).findFirst();
            } catch (IOException notYet) {
                return Optional.empty();
            }
        });
    }

    private static FacesClient signedIn(String slug, String login, String address) {
        FacesClient client = FacesClient.forTestServer(BASE).from(address);
        assertThat(Tenants.signIn(client, slug, login, Tenants.PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }

    /** A same-origin POST straight to the live download, not through the Backups page's form. */
    private static HttpResponse<String> live(FacesClient client) {
        return client.exchange("POST", "downloads/backups/live", Map.of("Origin", ORIGIN),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> get(FacesClient client, String path, Map<String, String> headers) {
        return client.exchange("GET", path, headers, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Backups.Attempt backUp(TenantId tenant, String slug) {
        Instant before = Instant.now();
        Backups.backUpNow(Backups.operator(BASE), slug);
        Backups.Attempt backup = Backups.awaitFinished(tenant, before);
        assertThat(backup.state()).as(String.valueOf(backup.failure())).isEqualTo("GOOD");
        return backup;
    }

    /** The kept backup decrypted by {@code BackupReader}, through the offline recovery tool. */
    private static byte[] decrypted(TenantId tenant, Backups.Attempt backup) throws IOException {
        Path zip = TestPlatform.directory().resolve("expected-" + backup.id() + ".zip");
        Backups.Tool tool = Backups.recover("--location", Backups.location().toString(), "--master-key-file",
                Backups.masterKeyFile().toString(), "decrypt", "--tenant", tenant.value().toString(), "--backup",
                backup.id().toString(), "--out", zip.toString());
        assertThat(tool.exitCode()).as(tool.err()).isZero();
        return Files.readAllBytes(zip);
    }

    /** Contacts of about 2 KB each, so a dump outgrows every buffer between the server and the client. */
    private static void fill(TenantId tenant, int contacts) throws SQLException {
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant)); Statement s = c.createStatement()) {
            s.execute("insert into contact (name, notes, created_at, updated_at) select 'filler ' || g, "
                    + "(select string_agg(md5((g * 31 + i)::text), ' ') from generate_series(1, 60) i), now(), now() "
                    + "from generate_series(1, " + contacts + ") g");
        }
    }

    /** Commits across two tables the dump reads far apart (contacts first, the audit trail last), as BackupIT does. */
    private static Thread ledgerWriter(TenantId tenant, AtomicBoolean writing, AtomicLong commits) throws SQLException {
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant)); Statement s = c.createStatement()) {
            s.execute("insert into contact (name, notes, created_at, updated_at) values ('ledger A', '0', now(), now())");
            s.execute("insert into security_event (occurred_at, kind, login, detail) values "
                    + "(now(), 'SETTINGS_CHANGED', 'ledger B', '0')");
        }
        return new Thread(() -> {
            try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant))) {
                c.setAutoCommit(false);
                while (writing.get()) {
                    long next = commits.get() + 1;
                    try (PreparedStatement a = c.prepareStatement("update contact set notes = ? where name = 'ledger A'");
                         PreparedStatement b = c.prepareStatement(
                                 "update security_event set detail = ? where login = 'ledger B'")) {
                        a.setString(1, Long.toString(next));
                        a.executeUpdate();
                        b.setString(1, Long.toString(next));
                        b.executeUpdate();
                    }
                    c.commit();
                    commits.set(next);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void upload(FacesClient admin, TenantId tenant, String name, byte[] content) throws Exception {
        long contactId;
        Tenants.execute(Tenants.databaseOf(tenant), "insert into contact (name, created_at, updated_at) "
                + "values (?, now(), now())", "files of " + name);
        contactId = idWhere(tenant, "select id from contact where name = ?", "files of " + name);
        HttpResponse<String> page = admin.follow("app/contact.xhtml?id=" + contactId);
        HttpResponse<String> answer = admin.upload(page, "files", "upload", name, "application/octet-stream", content,
                "attach");
        String body = FacesClient.isRedirect(answer) ? admin.follow(FacesClient.location(answer)).body() : answer.body();
        assertThat(body).contains("File \"" + name + "\" attached.");
    }

    private static void addUser(TenantId tenant, String login) throws SQLException {
        String hash = new app.strongroom.identity.PasswordHasher(TestPlatform.TEST_ITERATIONS)
                .hash(Tenants.PASSWORD.toCharArray()).format();
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant));
             PreparedStatement s = c.prepareStatement("insert into user_account (login, email, password_hash, "
                     + "administrator, active, created_at) values (?, ?, ?, false, true, now())")) {
            s.setString(1, login);
            s.setString(2, login + "@example.org");
            s.setString(3, hash);
            s.executeUpdate();
        }
    }

    /** The tenant's audit trail, oldest first: kind, actor, address, detail. */
    private static List<String> events(TenantId tenant) throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select kind, actor, client_address, detail from security_event order by id")) {
            while (r.next()) {
                events.add(r.getString(1) + " " + dash(r.getString(2)) + " " + dash(r.getString(3)) + " "
                        + dash(r.getString(4)));
            }
        }
        return events;
    }

    private static List<String> platformEvents() throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select kind, client_address, detail from platform_event order by id")) {
            while (r.next()) {
                events.add(r.getString(1) + " " + dash(r.getString(2)) + " " + dash(r.getString(3)));
            }
        }
        return events;
    }

    private static Optional<String> liveLease(TenantId tenant) {
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("select holder from live_download where tenant_id = ?")) {
            s.setObject(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A lease as another server instance holds it. */
    private static void lease(TenantId tenant, String holder, Instant until) throws SQLException {
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("insert into live_download (tenant_id, holder, login, "
                     + "started_at, lease_until) values (?, ?, 'admin', ?, ?)")) {
            s.setObject(1, tenant.value());
            s.setString(2, holder);
            s.setObject(3, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(5));
            s.setObject(4, java.time.OffsetDateTime.ofInstant(until, java.time.ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    private static void clearLease(TenantId tenant) throws SQLException {
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("delete from live_download where tenant_id = ?")) {
            s.setObject(1, tenant.value());
            s.executeUpdate();
        }
    }

    /** When the backup was made, as the audit trail names it. */
    private static String startedAt(Backups.Attempt backup) throws SQLException {
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("select started_at from backup where id = ?")) {
            s.setObject(1, backup.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1, java.time.OffsetDateTime.class).toInstant()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            }
        }
    }

    private static String single(Statement s, String query) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            assertThat(r.next()).as(query).isTrue();
            return r.getString(1);
        }
    }

    private static long idWhere(TenantId tenant, String query, String value) throws SQLException {
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant)); PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as(value).isTrue();
                return r.getLong(1);
            }
        }
    }

    private static String dash(String text) {
        return text == null ? "-" : text;
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** {@code select count(*)} of {@code table}, its name quoted by the server ({@code format('%I')}). */
    private static String countOf(Connection c, String table) throws SQLException {
        try (java.sql.PreparedStatement s = c.prepareStatement("select format('select count(*) from public.%I', ?)")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
