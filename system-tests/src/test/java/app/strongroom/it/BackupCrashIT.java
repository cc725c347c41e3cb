package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.launcher.MicroServer;
import app.strongroom.launcher.Platform;
import app.strongroom.vault.keys.MasterKey;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A server killed outright (kill -9) in the middle of a backup run, then started again: the run is resumed, finishes
 * the tenants not yet done, does not redo the finished ones and leaves no partial file. Then a master-key rotation:
 * every tenant key re-wrapped, nothing re-encrypted, everything still readable with the new key alone. This class
 * runs its own servers on a catalog of its own, so the rotation touches no other test's tenants.
 */
class BackupCrashIT {
    private static final String CATALOG = "strongroom_catalog_crash";
    private static final Path DIR = TestPlatform.directory().resolve("crash");
    private static final String FIRST_KEY = Base64.getEncoder().encodeToString(random(32));
    private static final String SECOND_KEY = Base64.getEncoder().encodeToString(random(32));

    private static MicroServer server;

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRunCutShortByKillNineIsResumedWithoutRedoingFinishedTenantsAndLeavesNoPartialFile() throws Exception {
        Platform.ensureCatalogDatabase(TestPlatform.database(), CATALOG);
        server = start("first", FIRST_KEY, Optional.empty());
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String slug = Tenants.create(FacesClient.forTestServer(server.httpsUrl()), "crash");
            slugs.add(slug);
            try (Connection c = Tenants.superuser(database(slug))) {
                c.createStatement().execute("insert into contact (name, notes, created_at, updated_at) select 'row ' || g, "
                        + "repeat(md5(g::text), 32), now(), now() from generate_series(1, 120000) g");
            }
        }
        FacesClient operator = operator();
        operator.submit("staff/tenants.xhtml", "tenants", Map.of(), "backUpAll");
        String run = Backups.await(Duration.ofSeconds(120), () -> {
            Optional<String> good = attempt(slugs.get(0), "GOOD").map(a -> a.runKey());
            return good.filter(r -> attempt(slugs.get(1), "RUNNING").isPresent());
        });
        UUID firstGood = attempt(slugs.get(0), "GOOD").orElseThrow().id();
        server.kill();
        assertThat(partials()).as("the kill left a partial file behind").isNotEmpty();

        server = start("second", FIRST_KEY, Optional.empty());
        Backups.await(Duration.ofSeconds(180), () -> finished(run) ? Optional.of(true) : Optional.empty());
        assertThat(attempts(slugs.get(0))).as("the tenant finished before the kill is not backed up again")
                .extracting(Backups.Attempt::id).containsExactly(firstGood);
        assertThat(attempts(slugs.get(1))).extracting(Backups.Attempt::state).containsExactlyInAnyOrder("GOOD", "FAILED");
        assertThat(attempts(slugs.get(1))).filteredOn(a -> a.state().equals("FAILED")).extracting(Backups.Attempt::failure)
                .allSatisfy(reason -> assertThat(reason).startsWith("interrupted"));
        assertThat(attempts(slugs.get(2))).extracting(Backups.Attempt::state).containsExactly("GOOD");
        assertThat(attempts(slugs.get(1))).extracting(Backups.Attempt::runKey).containsOnly(run);
        assertThat(partials()).as("no partial file is left").isEmpty();

        aCatalogRestoredWithoutKeysTakesThemBackFromTheLocation(slugs.get(2));
        rotatingTheMasterKeyRewrapsEveryTenantKeyAndLeavesDataReadable(slugs.get(0));
    }

    /**
     * A catalog rebuilt from its backup has no tenant keys. At the next start each tenant's key is taken back from the
     * key file at the backup location, never replaced by a new one: that file may be the last copy of the key.
     */
    private void aCatalogRestoredWithoutKeysTakesThemBackFromTheLocation(String slug) throws Exception {
        String tenant = tenantId(slug);
        byte[] keyFile = Files.readAllBytes(DIR.resolve("backups").resolve("tenants").resolve(tenant).resolve("key.json"));
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("delete from tenant_key where tenant_id = ?::uuid")) {
            s.setString(1, tenant);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        server.close();
        server = start("restored", FIRST_KEY, Optional.empty());
        assertThat(Files.readAllBytes(DIR.resolve("backups").resolve("tenants").resolve(tenant).resolve("key.json")))
                .as("the key file is kept as it was").isEqualTo(keyFile);
        Path keyFileOfMaster = DIR.resolve("first.key");
        Files.writeString(keyFileOfMaster, FIRST_KEY);
        Backups.Tool decrypted = Backups.recover("--location", DIR.resolve("backups").toString(), "--master-key-file",
                keyFileOfMaster.toString(), "decrypt", "--tenant", tenant, "--out", DIR.resolve("restored.zip").toString());
        assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
        FacesClient user = FacesClient.forTestServer(server.httpsUrl());
        Tenants.signIn(user, slug, "admin", Tenants.PASSWORD);
        assertThat(user.get("app/contacts.xhtml").statusCode()).isEqualTo(200);
    }

    private void rotatingTheMasterKeyRewrapsEveryTenantKeyAndLeavesDataReadable(String slug) throws Exception {
        server.close();
        server = start("rotated", SECOND_KEY, Optional.of(FIRST_KEY));
        String second = MasterKey.ofBase64(SECOND_KEY).id();
        try (Connection c = Tenants.superuser(CATALOG);
             ResultSet r = c.createStatement().executeQuery("select distinct master_key_id from tenant_key")) {
            List<String> ids = new ArrayList<>();
            while (r.next()) {
                ids.add(r.getString(1));
            }
            assertThat(ids).as("every key re-wrapped under the new master key").containsExactly(second);
        }
        FacesClient user = FacesClient.forTestServer(server.httpsUrl());
        HttpResponse<String> signIn = Tenants.signIn(user, slug, "admin", Tenants.PASSWORD);
        assertThat(signIn.statusCode()).as("the tenant's database role has its new password").isEqualTo(302);
        assertThat(user.get("app/contacts.xhtml").body()).contains("row 1");

        Path newKeyFile = DIR.resolve("second.key");
        Files.writeString(newKeyFile, SECOND_KEY);
        String tenant = tenantId(slug);
        Backups.Tool decrypted = Backups.recover("--location", DIR.resolve("backups").toString(), "--master-key-file",
                newKeyFile.toString(), "decrypt", "--tenant", tenant, "--out", DIR.resolve("old-backup.zip").toString());
        assertThat(decrypted.exitCode()).as("a backup made before the rotation, with the new key alone: " + decrypted.err())
                .isZero();
    }

    private static MicroServer start(String name, String masterKey, Optional<String> retired) {
        return OwnServer.start(DIR.resolve(name), CATALOG, settings -> {
            settings.put("strongroom.master-key", masterKey)
                    .put("strongroom.backup.dir", DIR.resolve("backups").toString())
                    .put("strongroom.files.dir", DIR.resolve("files").toString())
                    .put("strongroom.backup.parallel", "1");
            retired.ifPresent(key -> settings.put("strongroom.master-key.retired", key));
        });
    }

    private static FacesClient operator() {
        FacesClient operator = FacesClient.forTestServer(server.httpsUrl());
        assertThat(operator.submit("staff-login.xhtml", "staffSignin",
                Map.of("login", "operator", "password", TestPlatform.operatorPassword()), "submit").statusCode())
                .isEqualTo(302);
        return operator;
    }

    private static List<Path> partials() throws Exception {
        Path location = DIR.resolve("backups");
        if (!Files.exists(location)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(location)) {
            return files.filter(p -> p.toString().endsWith(".partial")).toList();
        }
    }

    private static String tenantId(String slug) throws Exception {
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select id from tenant where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static String database(String slug) throws Exception {
        return Tenants.databaseOf(app.strongroom.catalog.TenantId.parse(tenantId(slug)));
    }

    private static boolean finished(String run) {
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select finished_at is not null from backup_run where run_key = ?")) {
            s.setString(1, run);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Backups.Attempt> attempts(String slug) {
        List<Backups.Attempt> attempts = new ArrayList<>();
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select b.id, b.state, b.run_key, b.file_name, b.failure from backup b "
                     + "join tenant t on t.id = b.tenant_id where t.slug = ? order by b.started_at desc")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    attempts.add(new Backups.Attempt(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5)));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return attempts;
    }

    private static Optional<Backups.Attempt> attempt(String slug, String state) {
        return attempts(slug).stream().filter(a -> a.state().equals(state)).findFirst();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
