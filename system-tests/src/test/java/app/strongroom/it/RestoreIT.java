package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantId;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The helpdesk restores a kept backup (P9): into the live database, replacing it safely, or into a side database the
 * tenant's administrator opens read-only. Bad backups and callers without the right are refused before anything
 * changes, and every restore and refusal is in the audit trails.
 */
@OnStrongroom
@RunAsClient
class RestoreIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");
    private static String helpdeskLogin;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @BeforeAll
    static void helpdeskMember() throws SQLException {
        helpdeskLogin = Restores.helpdeskMember(TestPlatform.CATALOG);
    }

    @Test
    void aLiveRestoreBringsTheBackupBackEndsSessionsKeepsTheAuditTrailAndPinsASafetyBackup() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "live");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        String database = Tenants.databaseOf(tenant);
        addContact(database, "Kept before the backup");
        execute(database, "insert into password_link (token_sha256, user_id, purpose, created_at, expires_at) "
                + "select repeat('b', 64), id, 'RESET', now(), now() + interval '1 hour' from user_account limit 1");
        Tenants.addUser(tenant, "leaver", false);
        Tenants.addUser(tenant, "demoted", true);
        String revokedKey = apiKey(tenant, database, "revoked since the backup", 'R');
        // An audit entry whose id is drawn before the backup and which commits after it, behind a newer entry.
        String late = query(database, "select nextval(pg_get_serial_sequence('security_event', 'id'))").get(0);
        execute(database, "insert into security_event (occurred_at, kind, actor, detail) values (now(), "
                + "'SETTINGS_CHANGED', 'admin', 'written before the backup')");
        UUID backup = backUp(slug, tenant);
        Tenants.addUser(tenant, "newcomer", false);
        execute(database, "update api_key set revoked_at = now(), revoked_by = 'admin'");
        String newKey = apiKey(tenant, database, "made since the backup", 'N');
        execute(database, "update user_account set administrator = false, password_hash = 'changed since' "
                + "where login = 'demoted'");
        execute(database, "update password_link set used_at = now()");
        // Since the backup: the administrator changed their password (a new session epoch) and an account was
        // deactivated; the audit entry whose id was drawn before the backup's snapshot committed after it.
        execute(database, "update user_account set session_epoch = session_epoch + 1 where login = 'admin'");
        execute(database, "update user_account set active = false, deactivated_at = now(), "
                + "session_epoch = session_epoch + 1 where login = 'leaver'");
        execute(database, "insert into security_event (id, occurred_at, kind, actor, detail) overriding system value "
                + "values (" + late + ", now(), 'SETTINGS_CHANGED', 'admin', 'committed after the snapshot')");
        addContact(database, "Written after the backup");
        execute(database, "delete from contact where name = 'Kept before the backup'");
        execute(database, "insert into security_event (occurred_at, kind, actor, detail) values (now(), "
                + "'SETTINGS_CHANGED', 'admin', 'written after the backup')");
        FacesClient admin = signedInAdmin(slug);
        assertThat(admin.get("app/contacts.xhtml").statusCode()).isEqualTo(200);

        UUID restore = requestRestore(helpdesk(), slug, backup, "LIVE", "TICKET-4711 customer deleted a contact");
        Map<String, Object> done = awaitFinished(restore);

        assertThat(done.get("state")).as(String.valueOf(done.get("failure"))).isEqualTo("DONE");
        assertThat(names(database)).containsExactly("Kept before the backup");
        assertThat(query(database, "select count(*) from password_link"))
                .as("a link spent since the backup does not work again").containsExactly("0");
        assertThat(query(database, "select kind || ':' || coalesce(detail, '') from security_event order by id"))
                .as("the audit trail written since the backup survives, and the restore is in it")
                .anyMatch(e -> e.equals("SETTINGS_CHANGED:written after the backup"))
                .anyMatch(e -> e.equals("SETTINGS_CHANGED:committed after the snapshot"))
                .anyMatch(e -> e.startsWith("LIVE_RESTORED:") && e.contains("TICKET-4711"));
        assertThat(query(database, "select active::text from user_account where login = 'leaver'"))
                .as("an account deactivated since the backup stays deactivated").containsExactly("false");
        assertThat(query(database, "select administrator || ':' || password_hash from user_account "
                + "where login = 'demoted'")).as("a demotion and a new password since the backup stay")
                .containsExactly("false:changed since");
        assertThat(query(database, "select active::text from user_account where login = 'newcomer'"))
                .as("an account made since the backup is kept").containsExactly("true");
        ApiClient api = ApiClient.of(BASE).from("192.0.2.77");
        assertThat(api.bearer(revokedKey).get("api/v1/contacts").statusCode())
                .as("an API key revoked since the backup stays revoked").isEqualTo(401);
        assertThat(api.bearer(newKey).get("api/v1/contacts").statusCode())
                .as("an API key made since the backup keeps working").isEqualTo(200);
        UUID safety = (UUID) done.get("safety_backup_id");
        assertThat(query(TestPlatform.CATALOG, "select state || ':' || pinned from backup where id = ?::uuid", String.valueOf(safety)))
                .as("the live database was backed up first, and that backup is pinned").containsExactly("GOOD:true");
        assertThat(query(TestPlatform.CATALOG, "select status from tenant where id = ?", tenant.value()))
                .containsExactly("ACTIVE");
        assertThat(Tenants.postgresAdmin().databasesUnder(new app.strongroom.platform.SqlIdentifier(database)))
                .as("neither the restored copy nor the replaced database is left").isEmpty();
        HttpResponse<String> afterwards = admin.get("app/contacts.xhtml");
        assertThat(afterwards.statusCode()).as("the session from before the restore has ended").isEqualTo(302);

        FacesClient again = signedInAdmin(slug);
        String trust = again.get("app/admin/trust.xhtml").body();
        assertThat(trust).contains("TICKET-4711 customer deleted a contact").contains(helpdeskLogin).contains("the live database");
        assertThat(again.get("app/admin/security.xhtml").body())
                .contains("Backup restored into the live database by the helpdesk");
    }

    @Test
    void aSideRestoreIsANeutralisedReadOnlyCopyOnlyTheTenantsAdministratorsOpen() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "side");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        String database = Tenants.databaseOf(tenant);
        addContact(database, "Yesterday's name");
        execute(database, "insert into password_link (token_sha256, user_id, purpose, created_at, expires_at) "
                + "select repeat('a', 64), id, 'RESET', now(), now() + interval '1 hour' from user_account limit 1");
        apiKey(tenant, database, "a live key", 'S');
        UUID backup = backUp(slug, tenant);
        execute(database, "update contact set name = 'Today''s name'");

        UUID restore = requestRestore(helpdesk(), slug, backup, "SIDE", "TICKET-815 wants yesterday's record");
        Map<String, Object> done = awaitFinished(restore);
        assertThat(done.get("state")).as(String.valueOf(done.get("failure"))).isEqualTo("DONE");

        String side = (String) done.get("database_name");
        assertThat(names(database)).as("the live data is untouched").containsExactly("Today's name");
        assertThat(names(side)).containsExactly("Yesterday's name");
        assertThat(query(side, "select password_hash from user_account where login = 'admin'"))
                .as("the hashes the dump withholds come back from their sealed entry")
                .isEqualTo(query(database, "select password_hash from user_account where login = 'admin'"))
                .doesNotContainNull();
        assertThat(query(side, "select count(*) from api_key")).as("API keys are void in the copy")
                .containsExactly("0");
        assertThat(query(side, "select count(*) from password_link")).as("mailed links are void in the copy")
                .containsExactly("0");
        assertThatThrownBy(() -> execute(side, "insert into contact (name, created_at, updated_at) values ('x', now(), now())"))
                .as("the copy refuses writes").hasMessageContaining("read-only");
        try (Connection asTenant = Tenants.asTenantRole(tenant, side); Statement s = asTenant.createStatement()) {
            s.execute("set default_transaction_read_only = off");
            assertThatThrownBy(() -> s.execute("update contact set name = 'changed'"))
                    .as("even with the read-only default switched off, the tenant's role cannot write")
                    .hasMessageContaining("permission denied");
        }

        FacesClient admin = signedInAdmin(slug);
        String trust = admin.get("app/admin/trust.xhtml").body();
        assertThat(trust).contains("TICKET-815").contains("Open the copy");
        String page = admin.get("app/admin/side.xhtml?restore=" + restore).body();
        assertThat(page).contains("Yesterday's name").doesNotContain("Today's name").contains(helpdeskLogin);

        String other = Tenants.create(FacesClient.forTestServer(BASE), "nosy");
        FacesClient nosy = signedInAdmin(other);
        assertThat(nosy.get("app/admin/side.xhtml?restore=" + restore).statusCode())
                .as("another tenant's administrator learns nothing of it").isEqualTo(404);
        assertThat(query(Tenants.databaseOf(Tenants.idOf(other).orElseThrow()), "select kind from security_event"))
                .contains("SIDE_REFUSED");
        assertThat(nosy.get("app/admin/side.xhtml?restore=not-an-id").statusCode()).isEqualTo(404);

        Tenants.addUser(tenant, "clerk", false);
        FacesClient clerk = FacesClient.forTestServer(BASE);
        assertThat(Tenants.signIn(clerk, slug, "clerk", Tenants.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(clerk.get("app/admin/side.xhtml?restore=" + restore).statusCode())
                .as("a user who is not an administrator is refused").isEqualTo(403);
        assertThat(query(database, "select kind || ':' || coalesce(login, '') from security_event"))
                .contains("ACCESS_REFUSED:clerk").anyMatch(e -> e.startsWith("SIDE_OPENED:"));
        for (int i = 0; i < 30; i++) {
            assertThat(clerk.get("app/admin/users.xhtml?try=" + i).statusCode()).isEqualTo(403);
        }
        // Ten a minute per session: 31 refusals within one minute, or across the turn of one, leave 10 to 20 entries.
        assertThat(Integer.parseInt(query(database, "select count(*) from security_event where kind = 'ACCESS_REFUSED'")
                .get(0))).as("a loop of refused requests is in the trail without filling it").isBetween(10, 20);

        HttpResponse<String> sidePage = admin.get("app/admin/side.xhtml?restore=" + restore);
        HttpResponse<String> discarded = admin.submitFrom(sidePage, "side", Map.of(), "discard");
        assertThat(discarded.statusCode()).isEqualTo(302);
        assertThat(Tenants.databaseExists(side)).isFalse();
        assertThat(admin.get("app/admin/trust.xhtml").body()).doesNotContain("Open the copy");
        assertThat(admin.get("app/admin/side.xhtml?restore=" + restore).statusCode()).isEqualTo(404);
    }

    @Test
    void aTamperedBackupAnUnknownSchemaAndAStaffMemberOutsideTheHelpdeskAreRefusedBeforeAnythingChanges()
            throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "refused");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        String database = Tenants.databaseOf(tenant);
        addContact(database, "Still here");
        UUID backup = backUp(slug, tenant);
        addContact(database, "Also still here");

        FacesClient operator = Backups.operator(BASE);
        HttpResponse<String> byOperator = submitRestore(operator, slug, backup, "LIVE", "TICKET-1 operator tries");
        assertThat(byOperator.body()).contains("Not restored: only the helpdesk restores backups");
        assertThat(query(TestPlatform.CATALOG, "select detail from platform_event where kind = 'RESTORE_REFUSED'"))
                .anyMatch(d -> d.contains(backup.toString()) && d.contains("not a member of the helpdesk"));

        FacesClient helpdesk = helpdesk();
        assertThat(submitRestore(helpdesk, slug, backup, "LIVE", "").body()).contains("Not restored: reason");

        execute(TestPlatform.CATALOG, "update backup set schema_version = 999 where id = ?::uuid", String.valueOf(backup));
        Map<String, Object> newer = awaitFinished(requestRestore(helpdesk, slug, backup, "LIVE", "TICKET-2 newer schema"));
        assertThat(newer.get("state")).isEqualTo("FAILED");
        assertThat((String) newer.get("failure")).contains("schema version 999");
        assertUnchanged(tenant, database);
        execute(TestPlatform.CATALOG, "update backup set schema_version = (select schema_version from tenant where id = ?)"
                + " where id = ?::uuid", tenant.value(), String.valueOf(backup));

        Path file = Backups.location().resolve("tenants/" + tenant.value() + "/backups/"
                + Backups.attempts(tenant).stream().filter(a -> a.id().equals(backup)).findFirst().orElseThrow().fileName());
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(raw.length() / 2);
            int b = raw.read();
            raw.seek(raw.length() / 2);
            raw.write(b ^ 0x01);
        }
        Map<String, Object> tampered = awaitFinished(requestRestore(helpdesk, slug, backup, "LIVE", "TICKET-3 flipped"));
        assertThat(tampered.get("state")).isEqualTo("FAILED");
        assertThat((String) tampered.get("failure")).contains("failed authentication");
        assertThat(tampered.get("safety_backup_id")).as("refused before the live database was touched").isNull();
        assertUnchanged(tenant, database);
        assertThat(query(database, "select kind from security_event")).contains("RESTORE_FAILED");
        assertThat(helpdesk.get("staff/restore.xhtml?tenant=" + slug).body()).contains("failed authentication");
        assertThat(signedInAdmin(slug).get("app/admin/trust.xhtml").body())
                .as("the tenant is told nothing changed, not the platform's inner workings")
                .contains("nothing was changed").doesNotContain("failed authentication");
    }

    @Test
    void aBackupAnOlderBuildWroteIsMigratedUpByTheSameMigrationsWhenRestored() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "older");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        String database = Tenants.databaseOf(tenant);
        backUp(slug, tenant);
        String current = query(TestPlatform.CATALOG, "select schema_version from tenant where id = ?",
                tenant.value()).get(0);
        int older = OlderBackups.shippedVersionBefore(Integer.parseInt(current));
        UUID backup = OlderBackups.write(tenant, slug, older, "Kept by an older build");
        addContact(database, "Written since");

        Map<String, Object> done = awaitFinished(requestRestore(helpdesk(), slug, backup, "LIVE",
                "TICKET-77 a backup from before the last migration"));
        assertThat(done.get("state")).as(String.valueOf(done.get("failure"))).isEqualTo("DONE");
        assertThat(names(database)).containsExactly("Kept by an older build");
        assertThat(query(database, "select max(cast(version as integer)) from flyway_schema_history where success"))
                .as("migrated up to the build's schema").containsExactly(current);
        assertThat(query(TestPlatform.CATALOG, "select migrated_from from restore_run where backup_id = ?::uuid",
                String.valueOf(backup)))
                .containsExactly(Integer.toString(older));
        assertThat(query(TestPlatform.CATALOG, "select schema_version from tenant where id = ?", tenant.value()))
                .containsExactly(current);
        FacesClient admin = signedInAdmin(slug);
        HttpResponse<String> contacts = admin.get("app/contacts.xhtml");
        assertThat(contacts.statusCode()).isEqualTo(200);
        assertThat(contacts.body()).as("the application works on the migrated database").contains("Kept by an older build");
    }

    private static void assertUnchanged(TenantId tenant, String database) throws SQLException {
        assertThat(names(database)).containsExactly("Also still here", "Still here");
        assertThat(query(TestPlatform.CATALOG, "select status from tenant where id = ?", tenant.value()))
                .containsExactly("ACTIVE");
        assertThat(Tenants.postgresAdmin().databasesUnder(new app.strongroom.platform.SqlIdentifier(database))).isEmpty();
    }

    private static FacesClient helpdesk() {
        return Restores.signedInStaff(BASE, helpdeskLogin);
    }

    private static FacesClient signedInAdmin(String slug) {
        FacesClient client = FacesClient.forTestServer(BASE);
        assertThat(Tenants.signIn(client, slug, "admin", Tenants.PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }

    private static HttpResponse<String> submitRestore(FacesClient staff, String slug, UUID backup, String mode,
                                                      String reason) {
        return Restores.submit(staff, slug, backup, mode, reason);
    }

    private static UUID requestRestore(FacesClient helpdesk, String slug, UUID backup, String mode, String reason)
            throws SQLException {
        return Restores.request(helpdesk, TestPlatform.CATALOG, slug, backup, mode, reason);
    }

    private static Map<String, Object> awaitFinished(UUID restore) {
        return Restores.awaitFinished(TestPlatform.CATALOG, restore, Duration.ofSeconds(120));
    }

    private static UUID backUp(String slug, TenantId tenant) {
        Instant before = Instant.now();
        Backups.backUpNow(Backups.operator(BASE), slug);
        Backups.Attempt attempt = Backups.awaitFinished(tenant, before);
        assertThat(attempt.state()).as(String.valueOf(attempt.failure())).isEqualTo("GOOD");
        return attempt.id();
    }

    /** A read-write key of the tenant's administrator, written as the keys page writes one; returns its text. */
    private static String apiKey(TenantId tenant, String database, String name, char fill) throws SQLException {
        String key = "srk_" + tenant.hex() + "_" + String.valueOf(fill).repeat(43);
        execute(database, "insert into api_key (user_id, name, scope, key_sha256, created_at, expires_at) "
                + "select id, ?, 'READ_WRITE', ?, now(), now() + interval '30 days' from user_account "
                + "where login = 'admin'", name, java.util.HexFormat.of().formatHex(
                        app.strongroom.vault.format.Digests.sha256().digest(key.getBytes(
                                java.nio.charset.StandardCharsets.US_ASCII))));
        return key;
    }

    private static void addContact(String database, String name) throws SQLException {
        try (Connection c = Tenants.superuser(database); PreparedStatement s = c.prepareStatement(
                "insert into contact (name, created_at, updated_at) values (?, now(), now())")) {
            s.setString(1, name);
            s.executeUpdate();
        }
    }

    private static List<String> names(String database) throws SQLException {
        return query(database, "select name from contact order by name");
    }

    private static void execute(String database, String sql, Object... parameters) throws SQLException {
        Tenants.execute(database, sql, parameters);
    }

    private static List<String> query(String database, String sql, Object... parameters) throws SQLException {
        return Tenants.column(database, sql, parameters);
    }
}
