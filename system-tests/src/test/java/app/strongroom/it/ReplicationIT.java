package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantId;
import app.strongroom.launcher.DataGrid;
import app.strongroom.launcher.MicroServer;
import app.strongroom.launcher.SelfSignedCertificate;
import app.strongroom.launcher.StrongroomHome;
import app.strongroom.vault.format.Digests;
import app.strongroom.vault.site.SiteStore;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Copies on three sites on two continents (P7), the daily restore drill and the recovery point alarm (P11), against
 * the running server, two directory sites and a real S3-compatible server (Adobe S3Mock, a separate process that the
 * tests stop and start).
 */
@OnStrongroom
@RunAsClient
class ReplicationIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");
    private static final List<String> ALL = List.of(Sites.FRANKFURT, Sites.PARIS, Sites.VIRGINIA);
    private static final List<String> EUROPE = List.of(Sites.FRANKFURT, Sites.PARIS);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @Test
    void aBackupIsVerifiedOnThreeSitesOnTwoContinentsAndTheTrustPageShowsTheEvidence() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "trust");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        Backups.Attempt backup = backUp(slug, tenant);
        List<Sites.Copy> copies = Sites.awaitVerifiedOn(backup.id(), ALL);
        String sha = sha256Of(Backups.location().resolve("tenants/" + tenant.value() + "/backups/" + backup.fileName()));
        assertThat(copies).extracting(Sites.Copy::sha256).containsOnly(sha);
        for (String site : ALL) {
            try (SiteStore store = Sites.site(site).open(); InputStream in = store.open(
                    "tenants/" + tenant.value() + "/backups/" + backup.fileName())) {
                assertThat(Digests.sha256Of(in)).as("the copy at " + site + ", read independently").isEqualTo(sha);
            }
            assertThat(Sites.objects(site, "tenants/" + tenant.value() + "/")).extracting(o -> o.key())
                    .as("the key travels with the backups").contains("tenants/" + tenant.value() + "/key.json");
        }

        try (Browser browser = Browser.open(BASE)) {
            browser.go("login.xhtml").fill("signin:tenant", slug).fill("signin:login", "admin")
                    .fill("signin:password", Tenants.PASSWORD).submit("signin:submit");
            browser.go("app/admin/trust.xhtml");
            String page = browser.text();
            assertThat(page).contains("Where your data is kept safe");
            assertThat(browser.all(By.cssSelector("tr.backup-row"))).hasSize(1);
            assertThat(browser.byId("backups").getText()).contains("daily").contains("Yes")
                    .contains("paris (Europe): verified").contains("frankfurt (Europe): verified")
                    .contains("virginia (North America): verified");
            assertThat(browser.byId("continents").getText()).containsPattern("Europe\\s+2").containsPattern(
                    "North America\\s+1");
            assertThat(browser.all(By.cssSelector("#sizes canvas"))).as("the size chart is drawn").hasSize(1);
            assertThat(browser.byId("key").getText()).startsWith("Version 1, created");
            assertThat(browser.byId("drill").getText()).contains("No restore drill has run yet");

            Backups.pressOnRow(Backups.operator(BASE), slug, "drillNow");
            Sites.Drill drill = Sites.awaitDrill(tenant, 1);
            assertThat(drill.ok()).as(String.valueOf(drill.failure())).isTrue();
            browser.go("app/admin/trust.xhtml");
            assertThat(browser.byId("drill").getText()).startsWith("Passed on").contains("from site " + drill.site())
                    .contains("restored whole in");
        }
        FacesClient user = FacesClient.forTestServer(BASE);
        Tenants.signIn(user, slug, "admin", Tenants.PASSWORD);
        assertThat(FacesClient.forTestServer(BASE).get("app/admin/trust.xhtml").statusCode())
                .as("not for strangers").isIn(302, 303);
    }

    @Test
    void theCatalogsBackupReachesEverySiteVerifiedAndWhole() throws Exception {
        // The newest catalog backup an earlier run of every tenant made; only if there is none, such a run is made
        // here: backing every tenant up again would load the sites every later test re-verifies.
        Optional<Path> earlier = newestCatalogBackup(Instant.EPOCH);
        Path catalogBackup;
        if (earlier.isPresent()) {
            catalogBackup = earlier.get();
        } else {
            String slug = Tenants.create(FacesClient.forTestServer(BASE), "catalog-copy");
            TenantId tenant = Tenants.idOf(slug).orElseThrow();
            Instant before = Instant.now();
            Backups.operator(BASE).submit("staff/tenants.xhtml", "tenants", Map.of(), "backUpAll");
            assertThat(Backups.awaitFinished(tenant, before).state()).isEqualTo("GOOD");
            catalogBackup = Backups.await(Duration.ofSeconds(60), () -> newestCatalogBackup(before));
        }
        String sha256;
        try (InputStream in = Files.newInputStream(catalogBackup)) {
            sha256 = Digests.sha256Of(in);
        }
        String objectKey = "catalog/" + catalogBackup.getFileName();
        Backups.await(Duration.ofSeconds(Sites.WAIT_SECONDS), () -> {
            try (Connection c = Tenants.superuser(TestPlatform.CATALOG); var s = c.prepareStatement(
                    "select count(*) from site_copy where object_key = ? and kind = 'CATALOG' and state = 'VERIFIED'"
                            + " and sha256 = ?")) {
                s.setString(1, objectKey);
                s.setString(2, sha256);
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1) == ALL.size() ? Optional.of(true) : Optional.empty();
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        for (String site : ALL) {
            try (SiteStore store = Sites.site(site).open()) {
                assertThat(store.readBack(objectKey).sha256()).as("the catalog's backup read back from " + site)
                        .isEqualTo(sha256);
            }
        }
    }

    @Test
    void aSiteThatIsDownLeavesTheBackupUnsafeCatchesUpWhenBackAndThenDeletesWhatRetentionDeleted() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "catchup");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        Backups.Attempt first = backUp(slug, tenant);
        Sites.awaitVerifiedOn(first.id(), ALL);
        Sites.awaitVerifiedOn(backUp(slug, tenant).id(), ALL);
        Sites.awaitVerifiedOn(backUp(slug, tenant).id(), ALL);

        Backups.Attempt fourth;
        TestPlatform.s3().takeDown();
        try {
            // The fourth backup of one day: retention keeps one as daily, one as weekly, one as monthly; the first goes.
            fourth = backUp(slug, tenant);
            assertThat(Backups.await(Duration.ofSeconds(90), () -> Sites.siteFailure(Sites.VIRGINIA)))
                    .contains("virginia").contains("cannot be reached");
            Sites.awaitVerifiedOn(fourth.id(), EUROPE);
            assertThat(Sites.copiesOf(fourth.id())).filteredOn(c -> c.site().equals(Sites.VIRGINIA))
                    .extracting(Sites.Copy::failure).singleElement().asString().contains("cannot be reached");
            assertThat(Backups.attempts(tenant)).filteredOn(a -> a.id().equals(first.id()))
                    .extracting(Backups.Attempt::state).containsExactly("DELETED");
            for (String site : EUROPE) {
                Backups.await(Duration.ofSeconds(60), () -> Sites.objects(site, "tenants/" + tenant.value() + "/")
                        .stream().noneMatch(o -> o.key().endsWith(first.fileName())) ? Optional.of(true) : Optional.empty());
            }
            FacesClient admin = FacesClient.forTestServer(BASE);
            Tenants.signIn(admin, slug, "admin", Tenants.PASSWORD);
            assertThat(admin.get("app/admin/trust.xhtml").body()).as("the newest backup is not safe yet")
                    .contains("Not yet").contains("virginia (North America): not");
        } finally {
            TestPlatform.s3().start();
        }
        Sites.awaitVerifiedOn(fourth.id(), ALL);
        Backups.await(Duration.ofSeconds(90), () -> Sites.holdingsOf(tenant).get(Sites.VIRGINIA).stream()
                .noneMatch(k -> k.endsWith(first.fileName())) ? Optional.of(true) : Optional.empty());
        assertThat(Backups.attempts(tenant)).filteredOn(a -> "GOOD".equals(a.state())).hasSize(3)
                .as("caught up without a new backup").allSatisfy(a ->
                        assertThat(Sites.verifiedSites(a.id())).isEqualTo(ALL));
        assertThat(Sites.copiesOf(first.id())).as("no record of copies that are gone").isEmpty();
    }

    @Test
    void aSiteThatCannotBeWrittenFailsWithItsReasonWhileTheOthersTakeTheCopyAndItCatchesUpWhenFixed() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "unwritable-site");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        // A file where the tenant's directory must go: the site cannot store anything of the tenant (as a read-only
        // or broken mount would), whatever the user the tests run as.
        Path blocker = Sites.directory(Sites.FRANKFURT).resolve("tenants").resolve(tenant.value().toString());
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a directory");
        Backups.Attempt backup;
        try {
            backup = backUp(slug, tenant);
            Sites.awaitVerifiedOn(backup.id(), List.of(Sites.PARIS, Sites.VIRGINIA));
            assertThat(Backups.await(Duration.ofSeconds(60), () -> Sites.copiesOf(backup.id()).stream()
                    .filter(c -> c.site().equals(Sites.FRANKFURT) && c.failure() != null).findFirst()).failure())
                    .contains("frankfurt").contains("cannot be written");
            FacesClient admin = FacesClient.forTestServer(BASE);
            Tenants.signIn(admin, slug, "admin", Tenants.PASSWORD);
            assertThat(admin.get("app/admin/trust.xhtml").body()).as("two sites are not enough").contains("Not yet");
        } finally {
            Files.delete(blocker);
        }
        Sites.awaitVerifiedOn(backup.id(), ALL);
    }

    @Test
    void deletingATenantLeavesNothingOfItOnAnySite() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "shred");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        Sites.awaitVerifiedOn(backUp(slug, tenant).id(), ALL);
        assertThat(Sites.holdingsOf(tenant).values()).allSatisfy(keys -> assertThat(keys).hasSize(2));

        FacesClient operator = Backups.operator(BASE);
        HttpResponse<String> deleted = operator.submit("staff/tenant-delete.xhtml?id=" + tenant.value(), "delete",
                Map.of("typed", slug), "submit");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(302);
        // A site whose pass was running when the tenant was deleted owes the purge, and that pass ends with it.
        Map<String, List<String>> nothing = Map.of(Sites.FRANKFURT, List.of(), Sites.PARIS, List.of(), Sites.VIRGINIA,
                List.of());
        Backups.await(Duration.ofSeconds(Sites.WAIT_SECONDS), () -> Optional.of(Sites.holdingsOf(tenant)).filter(nothing::equals));
        assertThat(Sites.holdingsOf(tenant)).as("no key, no backup, on any site").isEqualTo(nothing);
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG); var s = c.prepareStatement(
                "select count(*) from site_copy where tenant_id = ?")) {
            s.setString(1, tenant.value().toString());
            var r = s.executeQuery();
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
    }

    @Test
    void aCorruptCopyFailsTheDrillLoudlyIsFoundByVerificationAndReplacedFromAGoodCopy() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "corrupt");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant))) {
            c.createStatement().execute("insert into contact (name, notes, created_at, updated_at) "
                    + "select 'drilled ' || g, repeat('y', 500), now(), now() from generate_series(1, 2000) g");
        }
        Backups.Attempt backup = backUp(slug, tenant);
        Sites.awaitVerifiedOn(backup.id(), ALL);
        String key = "tenants/" + tenant.value() + "/backups/" + backup.fileName();
        byte[] good = Files.readAllBytes(Backups.location().resolve(key));
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x01;
        for (String site : ALL) {
            try (SiteStore store = Sites.site(site).open()) {
                store.put(key, new java.io.ByteArrayInputStream(flipped), flipped.length, sha256(flipped));
            }
        }

        FacesClient operator = Backups.operator(BASE);
        Backups.pressOnRow(operator, slug, "drillNow");
        Sites.Drill failed = Sites.awaitDrill(tenant, 1);
        assertThat(failed.ok()).isFalse();
        assertThat(failed.failure()).as("names the backup and the site").contains(backup.id().toString())
                .contains(failed.site()).contains("failed authentication");
        awaitMail("[Strongroom] Restore drill failed: " + slug);
        assertThat(operator.get("staff/status.xhtml").body()).contains("Restore drill failed").contains(slug);

        // Paris is in another pass when the operator asks: its verification is owed, and the pass that follows the
        // other one reads every copy back too, not only what is new.
        String otherPass = "another-instance/" + java.util.UUID.randomUUID();
        Backups.await(Duration.ofSeconds(Sites.WAIT_SECONDS), () -> {
            try {
                return Tenants.column(TestPlatform.CATALOG, "update site_state set lease_owner = ?, lease_until = now()"
                        + " + interval '10 minutes' where site = ? and (lease_until is null or lease_until < now())"
                        + " returning site", otherPass, Sites.PARIS).stream().findFirst();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        HttpResponse<String> status = operator.get("staff/status.xhtml");
        operator.submitFrom(status, "siteActions", Map.of(), "verifyNow");
        Backups.await(Duration.ofSeconds(Sites.WAIT_SECONDS), () -> {
            try {
                return Tenants.column(TestPlatform.CATALOG, "select site from site_state where site = ?"
                        + " and reverify_requested_at is not null", Sites.PARIS).stream().findFirst();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Tenants.execute(TestPlatform.CATALOG, "update site_state set lease_owner = null, lease_until = null"
                + " where lease_owner = ?", otherPass);
        for (String site : ALL) {
            // Re-verifying reads every copy the site holds, catalog backups included: minutes on a slow S3 server.
            Backups.await(Duration.ofSeconds(Sites.WAIT_SECONDS), () -> {
                try (SiteStore store = Sites.site(site).open(); InputStream in = store.open(key)) {
                    return Digests.sha256Of(in).equals(sha256(good)) ? Optional.of(true) : Optional.empty();
                } catch (Exception e) {
                    return Optional.empty();
                }
            });
        }
        Sites.awaitVerifiedOn(backup.id(), ALL);

        Backups.pressOnRow(operator, slug, "drillNow");
        Sites.Drill passed = Sites.awaitDrill(tenant, 2);
        assertThat(passed.ok()).as(String.valueOf(passed.failure())).isTrue();
        assertThat(passed.site()).as("fetched from a site, not the home location").isIn(ALL);
        try (Connection c = Tenants.superuser("postgres"); var r = c.createStatement().executeQuery(
                "select count(*) from pg_database where datname like 'drill\\_%'")) {
            r.next();
            assertThat(r.getInt(1)).as("the scratch databases are dropped").isZero();
        }
        assertThat(operator.get("staff/status.xhtml").body()).as("the alarm clears with a passing drill")
                .doesNotContain("Restore drill failed: ");
    }

    @Test
    void aTenantPastItsRecoveryPointIsFlaggedMailedOnceAndClearedByASafeBackup() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "rpo");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        Backups.Attempt backup = backUp(slug, tenant);
        Sites.awaitVerifiedOn(backup.id(), ALL);
        FacesClient monitoring = FacesClient.forTestServer(BASE).withHeader("X-Forwarded-For", TestPlatform.MONITORING_ADDRESS);
        assertThat(monitoring.get("health/backups").body()).doesNotContain(slug);
        assertThat(FacesClient.forTestServer(BASE).get("health/backups").statusCode()).as("not for strangers")
                .isEqualTo(404);

        // Time moves on: the tenant's only backup is now 25 hours old.
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG)) {
            c.createStatement().execute("update backup set started_at = started_at - interval '25 hours' where tenant_id = '"
                    + tenant.value() + "'");
        }
        HttpResponse<String> down = Backups.await(Duration.ofSeconds(90), () -> {
            HttpResponse<String> health = monitoring.get("health/backups");
            return health.body().contains(slug) ? Optional.of(health) : Optional.empty();
        });
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"");
        MimeMessage mail = awaitMail("[Strongroom] Recovery point missed: " + slug);
        assertThat(mail.getContent().toString()).contains("more than the 24 h objective");
        assertThat(Backups.operator(BASE).get("staff/status.xhtml").body()).contains("Recovery point missed").contains(slug);

        backUp(slug, tenant);
        Backups.await(Duration.ofSeconds(90), () -> monitoring.get("health/backups").body().contains(slug)
                ? Optional.empty() : Optional.of(true));
        assertThat(Mailbox.to(TestPlatform.ALARM_MAIL).stream().filter(m -> subject(m).endsWith(": " + slug)))
                .as("one mail for the incident, however often it was seen").hasSize(1);
    }

    @Test
    void aServerWithFewerThanThreeSitesOrOneContinentDoesNotStartAndSaysWhy() {
        Path dir = TestPlatform.directory().resolve("two-sites");
        int https = TestPlatform.freePort();
        var settings = TestPlatform.settings().put("strongroom.https-port", Integer.toString(https))
                .put("strongroom.backup.sites", "paris|Europe|file:" + dir.resolve("paris") + ",virginia|North America|file:"
                        + dir.resolve("virginia"));
        Path file = settings.writeTo(dir.resolve("micro.properties"));
        int gridPort = TestPlatform.freePort();
        assertThatThrownBy(() -> MicroServer.start(new MicroServer.Options(Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("strongroom.war")), TestPlatform.freePort(), https, TestPlatform.keyStore(),
                TestPlatform.KEYSTORE_PASSWORD.toCharArray(), SelfSignedCertificate.ALIAS, file,
                TestPlatform.postBootCommands(dir.resolve("post-boot.asadmin")),
                DataGrid.onThisMachine("strongroom-sites-" + StrongroomHome.randomHex(6), List.of(gridPort), gridPort),
                dir.resolve("server.log"), "512m"), Duration.ofMinutes(3)).close())
                .hasMessageContaining("failed to deploy").hasMessageContaining("strongroom.backup.sites")
                .hasMessageContaining("at least 3");
    }

    private static Optional<Path> newestCatalogBackup(Instant since) {
        try (var files = Files.list(Backups.location().resolve("catalog"))) {
            return files.filter(f -> f.toString().endsWith(".sbk"))
                    .filter(f -> f.toFile().lastModified() >= since.toEpochMilli())
                    .max(java.util.Comparator.comparing(Path::getFileName));
        } catch (java.io.IOException none) {
            return Optional.empty();
        }
    }

    private static Backups.Attempt backUp(String slug, TenantId tenant) {
        Instant before = Instant.now();
        Backups.backUpNow(Backups.operator(BASE), slug);
        Backups.Attempt attempt = Backups.awaitFinished(tenant, before);
        assertThat(attempt.state()).as(String.valueOf(attempt.failure())).isEqualTo("GOOD");
        return attempt;
    }

    private static MimeMessage awaitMail(String subject) {
        return Backups.await(Duration.ofSeconds(90), () -> Mailbox.to(TestPlatform.ALARM_MAIL).stream()
                .filter(m -> subject.equals(subject(m))).findFirst());
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Of(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return Digests.sha256Of(in);
        }
    }

    private static String sha256(byte[] bytes) {
        return Digests.hex(Digests.sha256().digest(bytes));
    }
}
