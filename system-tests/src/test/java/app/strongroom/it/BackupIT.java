package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import app.strongroom.vault.format.Digests;
import app.strongroom.vault.format.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Keys, stored files and the daily encrypted backup (P6, P14) against the running server, real PostgreSQL and Debian's
 * psql: restorable row for row, one consistent snapshot, refused when tampered with, crypto-shredded with the
 * tenant, and recoverable from nothing but the master key and the backup location.
 */
@OnStrongroom
@RunAsClient
class BackupIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");
    private static final String ONE_MB = "ünïcødé ".repeat(131_072).substring(0, 1024 * 1024);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @Test
    void aBackupRestoresWithStockPsqlRowForRowAndItsFilesMatchTheirDigests() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "restore");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        Tenants.addAdministrator(tenant, "bea");
        List<String> awkward = List.of("Zoë 名前 😀", "tab\there", "new\nline\r\n", "back\\slash \\N \\.", "\\.", ONE_MB);
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant));
             PreparedStatement s = c.prepareStatement("insert into contact (name, email, city, notes, created_at, updated_at) "
                     + "values (?, ?, null, ?, now(), now())")) {
            for (String value : awkward) {
                s.setString(1, value.length() > 100 ? "big one" : value);
                s.setString(2, null);
                s.setString(3, value);
                s.executeUpdate();
            }
            c.createStatement().execute("insert into security_event (occurred_at, kind, login, detail) values "
                    + "(now(), 'SETTINGS_CHANGED', 'admin', E'detail with\\ttab and \\\\ backslash')");
        }
        FacesClient admin = FacesClient.forTestServer(BASE);
        Tenants.signIn(admin, slug, "admin", Tenants.PASSWORD);
        long contactId = contactIdNamed(tenant, "tab\there");
        byte[] photo = random(300_000);
        byte[] page = "<html><script>alert('x')</script></html>".getBytes(StandardCharsets.UTF_8);
        upload(admin, contactId, "photo.jpg", "image/jpeg", photo);
        upload(admin, contactId, "page.html", "text/html", page);

        FacesClient operator = Backups.operator(BASE);
        Instant before = Instant.now();
        Backups.backUpNow(operator, slug);
        Backups.Attempt backup = Backups.awaitFinished(tenant, before);
        assertThat(backup.state()).as(String.valueOf(backup.failure())).isEqualTo("GOOD");
        assertThat(operator.get("staff/tenants.xhtml").body()).containsPattern(
                "(?s)" + Pattern.quote(slug) + ".*?class=\"backups-kept\">1<");

        Path zip = TestPlatform.directory().resolve("restore-" + slug + ".zip");
        Backups.Tool tool = Backups.recover("--location", Backups.location().toString(), "--master-key-file",
                Backups.masterKeyFile().toString(), "decrypt", "--tenant", tenant.value().toString(), "--backup",
                backup.id().toString(), "--out", zip.toString());
        assertThat(tool.exitCode()).as(tool.err()).isZero();
        Path dump = TestPlatform.directory().resolve("restore-" + slug + ".sql");
        Manifest manifest;
        try (ZipFile opened = new ZipFile(zip.toFile())) {
            try (InputStream in = opened.getInputStream(opened.getEntry("dump.sql"))) {
                Files.copy(in, dump, StandardCopyOption.REPLACE_EXISTING);
            }
            manifest = Manifest.fromJson(opened.getInputStream(opened.getEntry("manifest.json")).readAllBytes());
            byte[] sealed = opened.getInputStream(opened.getEntry("credentials.sealed")).readAllBytes();
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).as("the hashes are sealed, not readable")
                    .doesNotContain("pbkdf2");
            for (Map.Entry<String, byte[]> file : Map.of("photo.jpg", photo, "page.html", page).entrySet()) {
                long id = fileIdNamed(tenant, file.getKey());
                String entry = "filestore/" + id + "/" + file.getKey();
                byte[] stored = opened.getInputStream(opened.getEntry(entry)).readAllBytes();
                assertThat(stored).as(entry).isEqualTo(file.getValue());
                assertThat(manifest.entries()).contains(new Manifest.Entry(entry, stored.length,
                        HexFormat.of().formatHex(Digests.sha256().digest(stored))));
            }
        }
        assertThat(manifest.subjectName()).isEqualTo(slug);
        try (ErpData catalog = new ErpData(TestPlatform.CATALOG)) {
            assertThat((long) manifest.schemaVersion()).as("the tenant's schema version, as the catalog records it")
                    .isEqualTo(catalog.single("select schema_version from tenant where id = ?", tenant.value()));
        }
        assertThat(manifest.rowCounts()).containsEntry("contact", (long) awkward.size()).containsEntry("stored_file", 2L);

        String restored = "restored_" + slug.replace('-', '_');
        Backups.psqlRestore(dump, restored);
        assertThat(Files.readString(dump)).as("no password hash in what a tenant's key decrypts")
                .doesNotContain("pbkdf2");
        Map<String, List<List<String>>> expected = Backups.contents(Tenants.databaseOf(tenant));
        expected.replaceAll((table, rows) -> rows.stream().map(row -> row.stream()
                .map(value -> value.startsWith("password_hash=") ? "password_hash=null" : value).toList()).toList());
        assertThat(Backups.contents(restored)).as("every table, row for row, the password hashes withheld")
                .isEqualTo(expected);

        Path file = Backups.location().resolve("tenants").resolve(tenant.value().toString()).resolve("backups")
                .resolve(backup.fileName());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Path tampered = TestPlatform.directory().resolve("tampered").resolve("tenants")
                .resolve(tenant.value().toString()).resolve("backups").resolve(backup.fileName());
        Files.createDirectories(tampered.getParent());
        Files.write(tampered, bytes);
        Files.copy(file.getParent().resolveSibling("key.json"), tampered.getParent().resolveSibling("key.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Path refusedZip = TestPlatform.directory().resolve("tampered.zip");
        Backups.Tool refused = Backups.recover("--location", TestPlatform.directory().resolve("tampered").toString(),
                "--master-key-file", Backups.masterKeyFile().toString(), "decrypt", "--tenant", tenant.value().toString(),
                "--out", refusedZip.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("failed authentication");
        assertThat(refusedZip).doesNotExist();
    }

    @Test
    void writesDuringABackupLeaveOneConsistentSnapshot() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "snapshot");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant))) {
            c.createStatement().execute("insert into contact (name, notes, created_at, updated_at) "
                    + "select 'filler ' || g, repeat('x', 2000), now(), now() from generate_series(1, 40000) g");
            c.createStatement().execute("insert into contact (name, notes, created_at, updated_at) values "
                    + "('ledger A', '0', now(), now())");
            c.createStatement().execute("insert into security_event (occurred_at, kind, login, detail) values "
                    + "(now(), 'SETTINGS_CHANGED', 'ledger B', '0')");
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong commits = new AtomicLong();
        Thread writer = new Thread(() -> {
            try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant))) {
                c.setAutoCommit(false);
                while (writing.get()) {
                    long next = commits.get() + 1;
                    // One transaction across two tables, which the dump reads far apart: contact first, the audit last.
                    try (PreparedStatement s = c.prepareStatement("update contact set notes = ? where name = 'ledger A'");
                         PreparedStatement t = c.prepareStatement("update security_event set detail = ? where login = 'ledger B'")) {
                        s.setString(1, Long.toString(next));
                        s.executeUpdate();
                        t.setString(1, Long.toString(next));
                        t.executeUpdate();
                    }
                    c.commit();
                    commits.set(next);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        Instant before = Instant.now();
        long commitsBefore;
        try {
            commitsBefore = commits.get();
            Backups.backUpNow(Backups.operator(BASE), slug);
            Backups.Attempt backup = Backups.awaitFinished(tenant, before);
            assertThat(backup.state()).isEqualTo("GOOD");
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(commits.get()).as("users kept writing while the backup ran").isGreaterThan(commitsBefore);
        Path zip = TestPlatform.directory().resolve("snapshot-" + slug + ".zip");
        assertThat(Backups.recover("--location", Backups.location().toString(), "--master-key-file",
                Backups.masterKeyFile().toString(), "decrypt", "--tenant", tenant.value().toString(), "--out",
                zip.toString()).exitCode()).isZero();
        String dump;
        try (ZipFile opened = new ZipFile(zip.toFile())) {
            dump = new String(opened.getInputStream(opened.getEntry("dump.sql")).readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher a = Pattern.compile("\tledger A\t[^\n]*").matcher(dump);
        Matcher b = Pattern.compile("\tSETTINGS_CHANGED\tledger B\t[^\n]*").matcher(dump);
        assertThat(a.find()).isTrue();
        assertThat(b.find()).isTrue();
        assertThat(ledger(a.group())).as("both rows come from the same moment").isEqualTo(ledger(b.group()));
    }

    @Test
    void anUnwritableOrFullLocationFailsTheBackupWithAClearReasonAndKeepsTheGoodOnes() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "unwritable");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        FacesClient operator = Backups.operator(BASE);
        Instant first = Instant.now();
        Backups.backUpNow(operator, slug);
        Backups.Attempt good = Backups.awaitFinished(tenant, first);
        assertThat(good.state()).isEqualTo("GOOD");

        Path backups = Backups.location().resolve("tenants").resolve(tenant.value().toString()).resolve("backups");
        Path aside = backups.resolveSibling("backups-aside");
        Files.move(backups, aside);
        Files.writeString(backups, "a file where the directory should be");
        try {
            Instant second = Instant.now();
            Backups.backUpNow(operator, slug);
            Backups.Attempt failed = Backups.awaitFinished(tenant, second);
            assertThat(failed.state()).isEqualTo("FAILED");
            assertThat(failed.failure()).contains("cannot be written");
        } finally {
            Files.delete(backups);
            Files.move(aside, backups);
        }
        assertThat(Backups.attempts(tenant)).filteredOn(a -> a.state().equals("GOOD")).extracting(Backups.Attempt::id)
                .containsExactly(good.id());
        try (var files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(good.fileName());
        }
        assertThat(operator.get("staff/status.xhtml").body()).contains("backup");

        // A full location: a one-megabyte file system mounted where this tenant's backups go.
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant))) {
            c.createStatement().execute("insert into contact (name, notes, created_at, updated_at) "
                    + "select 'filler ' || g, (select string_agg(md5((g * 41 + i)::text), '') from generate_series(1, 40) i), "
                    + "now(), now() from generate_series(1, 6000) g");
        }
        Files.move(backups, aside);
        Files.createDirectories(backups);
        run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", backups.toString());
        try {
            Instant third = Instant.now();
            Backups.backUpNow(operator, slug);
            Backups.Attempt full = Backups.awaitFinished(tenant, third);
            assertThat(full.state()).isEqualTo("FAILED");
            assertThat(full.failure()).contains("the backup location is full");
            try (var files = Files.list(backups)) {
                assertThat(files).as("no partial file is left on the full location").isEmpty();
            }
        } finally {
            run("umount", backups.toString());
            Files.delete(backups);
            Files.move(aside, backups);
        }
        assertThat(Backups.attempts(tenant)).filteredOn(a -> a.state().equals("GOOD")).hasSize(1);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    @Test
    void deletingATenantShredsItsKeySoNoCopyOfItsBackupsCanBeRead() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "shred");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        FacesClient operator = Backups.operator(BASE);
        Instant before = Instant.now();
        operator.submit("staff/tenants.xhtml", "tenants", Map.of(), "backUpAll");
        Backups.Attempt backup = Backups.awaitFinished(tenant, before);
        assertThat(backup.state()).isEqualTo("GOOD");
        Path catalogBackups = Backups.location().resolve("catalog");
        Backups.await(java.time.Duration.ofSeconds(60), () -> {
            try (var files = Files.list(catalogBackups)) {
                return files.anyMatch(p -> p.toString().endsWith(".sbk")) ? java.util.Optional.of(true) : java.util.Optional.empty();
            } catch (IOException none) {
                return java.util.Optional.empty();
            }
        });
        String wrappedKeyHex;
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("select encode(wrapped, 'hex') from tenant_key where tenant_id = ?")) {
            s.setObject(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                wrappedKeyHex = r.getString(1);
            }
        }
        Path tenantDir = Backups.location().resolve("tenants").resolve(tenant.value().toString());
        Path stolen = TestPlatform.directory().resolve("stolen").resolve("tenants").resolve(tenant.value().toString())
                .resolve("backups").resolve(backup.fileName());
        Files.createDirectories(stolen.getParent());
        Files.copy(tenantDir.resolve("backups").resolve(backup.fileName()), stolen);

        HttpResponse<String> delete = operator.submit("staff/tenant-delete.xhtml?id=" + tenant.value(), "delete",
                Map.of("typed", slug), "submit");
        assertThat(delete.statusCode()).isEqualTo(302);
        assertThat(tenantDir).as("nothing of the tenant is left at the location").doesNotExist();
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("select count(*) from tenant_key where tenant_id = ?")) {
            s.setObject(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).isZero();
            }
        }
        Backups.Tool stolenCopy = Backups.recover("--location", TestPlatform.directory().resolve("stolen").toString(),
                "--master-key-file", Backups.masterKeyFile().toString(), "decrypt", "--tenant", tenant.value().toString(),
                "--out", TestPlatform.directory().resolve("stolen.zip").toString());
        assertThat(stolenCopy.exitCode()).isEqualTo(1);
        assertThat(stolenCopy.err()).contains("has no key");

        Path catalogZip = TestPlatform.directory().resolve("catalog-" + slug + ".zip");
        Backups.Tool catalog = Backups.recover("--location", Backups.location().toString(), "--master-key-file",
                Backups.masterKeyFile().toString(), "decrypt-catalog", "--out", catalogZip.toString());
        assertThat(catalog.exitCode()).as(catalog.err()).isZero();
        try (ZipFile opened = new ZipFile(catalogZip.toFile())) {
            String dump = new String(opened.getInputStream(opened.getEntry("dump.sql")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(dump).as("catalog backups never hold tenant keys").contains("CREATE TABLE public.tenant_key")
                    .doesNotContain("COPY public.tenant_key").doesNotContain(wrappedKeyHex);
        }
    }

    @Test
    void withOnlyTheMasterKeyAndTheLocationEveryTenantAndTheCatalogComeBack() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "disaster");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant))) {
            c.createStatement().execute("insert into contact (name, created_at, updated_at) values ('Survivor', now(), now())");
        }
        FacesClient operator = Backups.operator(BASE);
        Instant before = Instant.now();
        operator.submit("staff/tenants.xhtml", "tenants", Map.of(), "backUpAll");
        assertThat(Backups.awaitFinished(tenant, before).state()).isEqualTo("GOOD");
        Path catalogZip = TestPlatform.directory().resolve("disaster-catalog.zip");
        Backups.await(java.time.Duration.ofSeconds(60), () -> java.util.Optional.of(Backups.recover("--location",
                Backups.location().toString(), "--master-key-file", Backups.masterKeyFile().toString(), "decrypt-catalog",
                "--out", catalogZip.toString())).filter(t -> t.exitCode() == 0 && catalogTaken(catalogZip, slug)));

        Backups.Tool list = Backups.recover("--location", Backups.location().toString(), "--master-key-file",
                Backups.masterKeyFile().toString(), "list");
        assertThat(list.out().lines().filter(l -> l.startsWith("tenant " + tenant.value())))
                .singleElement().satisfies(line -> assertThat(line).contains("opens"));

        Path catalogDump = TestPlatform.directory().resolve("disaster-catalog.sql");
        try (ZipFile opened = new ZipFile(catalogZip.toFile())) {
            Files.copy(opened.getInputStream(opened.getEntry("dump.sql")), catalogDump, StandardCopyOption.REPLACE_EXISTING);
        }
        Backups.psqlRestore(catalogDump, "rebuilt_catalog");
        try (Connection c = Tenants.superuser("rebuilt_catalog");
             PreparedStatement s = c.prepareStatement("select company_name from tenant where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("the rebuilt catalog knows the tenant").isTrue();
                assertThat(r.getString(1)).isEqualTo("Company " + slug);
            }
        }
        Path zip = TestPlatform.directory().resolve("disaster-" + slug + ".zip");
        assertThat(Backups.recover("--location", Backups.location().toString(), "--master-key-file",
                Backups.masterKeyFile().toString(), "decrypt", "--tenant", tenant.value().toString(), "--out",
                zip.toString()).exitCode()).isZero();
        Path dump = TestPlatform.directory().resolve("disaster-" + slug + ".sql");
        try (ZipFile opened = new ZipFile(zip.toFile())) {
            Files.copy(opened.getInputStream(opened.getEntry("dump.sql")), dump, StandardCopyOption.REPLACE_EXISTING);
        }
        Backups.psqlRestore(dump, "rebuilt_" + slug.replace('-', '_'));
        assertThat(Backups.contents("rebuilt_" + slug.replace('-', '_')).get("contact").toString()).contains("Survivor");
    }

    @Test
    void filesAreAttachmentsThatNeverRenderAndStayWithinTheirTenant() throws Exception {
        String mine = Tenants.create(FacesClient.forTestServer(BASE), "files");
        String theirs = Tenants.create(FacesClient.forTestServer(BASE), "other-files");
        TenantId tenant = Tenants.idOf(mine).orElseThrow();
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant))) {
            c.createStatement().execute("insert into contact (name, created_at, updated_at) values ('With files', now(), now())");
        }
        long contactId = contactIdNamed(tenant, "With files");
        FacesClient admin = FacesClient.forTestServer(BASE);
        Tenants.signIn(admin, mine, "admin", Tenants.PASSWORD);
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8);
        upload(admin, contactId, "../../evil.svg", "image/svg+xml", svg);
        assertThat(fileCount(tenant)).as("a name that climbs out of its directory is refused").isZero();
        assertThat(upload(admin, contactId, "evil.svg", "image/svg+xml", svg)).contains("File \"evil.svg\" attached.");
        long fileId = fileIdNamed(tenant, "evil.svg");

        HttpResponse<byte[]> download = admin.download("app/files/" + fileId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(svg);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("attachment;").contains("filename=\"evil.svg\""));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("sandbox"));
        assertThat(download.headers().firstValue("Cache-Control")).hasValue("no-store");
        Path onDisk = TestPlatform.directory().resolve("files").resolve(tenant.value().toString());
        try (var files = Files.list(onDisk)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).as("encrypted at rest")
                        .doesNotContain("alert(1)");
            }
        }

        assertThat(Backups.pressOnRow(Backups.operator(BASE), mine, "rotateKey").body()).contains("has a new data key");
        byte[] after = "written after the rotation".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(admin, contactId, "after.txt", "text/plain", after)).contains("File \"after.txt\" attached.");
        assertThat(admin.download("app/files/" + fileIdNamed(tenant, "after.txt")).body()).isEqualTo(after);
        assertThat(admin.download("app/files/" + fileId).body()).as("written before the rotation, still readable")
                .isEqualTo(svg);
        assertThat(keyIds(tenant)).as("each file names the key that wrote it").hasSize(2);

        FacesClient anyone = FacesClient.forTestServer(BASE);
        assertThat(anyone.upload(anyone.get("login.xhtml"), "signin", "upload", "a.bin", "application/octet-stream",
                new byte[10], "submit").statusCode()).as("no multipart request but a user's upload is parsed").isEqualTo(403);

        FacesClient other = FacesClient.forTestServer(BASE);
        Tenants.signIn(other, theirs, "admin", Tenants.PASSWORD);
        assertThat(other.download("app/files/" + fileId).statusCode()).as("another tenant's file").isEqualTo(404);
        assertThat(admin.download("app/files/abc").statusCode()).isEqualTo(404);
        assertThat(admin.download("app/files/" + fileId + "0").statusCode()).isEqualTo(404);
        assertThat(FacesClient.forTestServer(BASE).download("app/files/" + fileId).statusCode())
                .as("nobody signed in").isEqualTo(302);

        assertThat(upload(admin, contactId, "big.bin", "application/octet-stream", random(3_000_000)))
                .contains("The file is larger than 2 MB");
        assertThat(upload(admin, contactId, "edge.bin", "application/octet-stream",
                random((int) TestPlatform.MAX_FILE_BYTES + 1000))).contains("The file is larger than 2 MB");
        assertThat(upload(admin, contactId, "empty.txt", "text/plain", new byte[0])).contains("The file is empty");
        assertThat(fileCount(tenant)).as("nothing of the refused uploads was kept").isEqualTo(2);

        HttpResponse<String> deleted = admin.submitFrom(admin.follow("app/contact.xhtml?id=" + contactId), "contact",
                Map.of(), "delete");
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(fileCount(tenant)).isZero();
        try (var files = Files.list(onDisk)) {
            assertThat(files.filter(p -> p.toString().endsWith(".bin"))).as("the contents went with the contact").isEmpty();
        }
    }

    private static boolean catalogTaken(Path zip, String slug) {
        try (ZipFile opened = new ZipFile(zip.toFile())) {
            return new String(opened.getInputStream(opened.getEntry("dump.sql")).readAllBytes(), StandardCharsets.UTF_8)
                    .contains(slug);
        } catch (IOException e) {
            return false;
        }
    }

    /** The last column of a COPY row: the contact's notes, the audit event's detail. */
    private static String ledger(String row) {
        String[] columns = row.split("\t");
        return columns[columns.length - 1];
    }

    private static String upload(FacesClient client, long contactId, String name, String type, byte[] content) {
        HttpResponse<String> page = client.follow("app/contact.xhtml?id=" + contactId);
        HttpResponse<String> answer = client.upload(page, "files", "upload", name, type, content, "attach");
        return FacesClient.isRedirect(answer) ? client.follow(FacesClient.location(answer)).body() : answer.body();
    }

    private static long contactIdNamed(TenantId tenant, String name) throws Exception {
        return idWhere(tenant, "select id from contact where name = ?", name);
    }

    private static long fileIdNamed(TenantId tenant, String name) throws Exception {
        return idWhere(tenant, "select id from stored_file where name = ?", name);
    }

    private static long idWhere(TenantId tenant, String query, String value) throws Exception {
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant)); PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as(value).isTrue();
                return r.getLong(1);
            }
        }
    }

    private static java.util.Set<Integer> keyIds(TenantId tenant) throws Exception {
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant));
             ResultSet r = c.createStatement().executeQuery("select key_id from stored_file")) {
            while (r.next()) {
                ids.add(r.getInt(1));
            }
        }
        return ids;
    }

    private static int fileCount(TenantId tenant) throws Exception {
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant));
             ResultSet r = c.createStatement().executeQuery("select count(*) from stored_file")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
