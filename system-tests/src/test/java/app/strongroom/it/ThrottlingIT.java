package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantDatabase;
import app.strongroom.catalog.TenantId;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Brute force against the real server (P3): locks per login, per address within a tenant and per address across the
 * platform; a locked sign-in answers like any failure and computes no hash (the server's own count of PBKDF2
 * derivations, read from the staff status page, does not move); the administrator sees and lifts locks and changes the
 * rules; every lock, unlock and change is in the audit trail.
 */
@OnStrongroom
@RunAsClient
class ThrottlingIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");
    private static final String FAILED = "Company, login or password is not right.";

    private String slug;
    private TenantId tenant;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @BeforeEach
    void tenantWithTwoAdministrators() throws Exception {
        slug = Tenants.create(FacesClient.forTestServer(BASE), "throttle");
        tenant = Tenants.idOf(slug).orElseThrow();
        Tenants.addAdministrator(tenant, "boss");
    }

    @Test
    void bruteForceLocksTheLoginAndALockedSignInCostsNoHash() throws Exception {
        FacesClient operator = staff();
        long start = derivations(operator);
        for (int i = 0; i < 10; i++) {
            assertThat(signIn("203.0.113.7", "admin", "wrong " + i).body()).contains(FAILED);
        }
        long afterAttack = derivations(operator);
        assertThat(afterAttack - start).as("one hash per wrong password").isEqualTo(10);
        long refusedBefore = StatusPage.figure(operator, "lockedRefusals");

        assertThat(signIn("203.0.113.7", "admin", Tenants.PASSWORD).body()).as("locked: right password refused")
                .contains(FAILED);
        assertThat(signIn("203.0.113.8", "admin", Tenants.PASSWORD).body()).as("the login is locked from anywhere")
                .contains(FAILED);
        assertThat(derivations(operator)).as("a locked sign-in computes no hash").isEqualTo(afterAttack);
        assertThat(StatusPage.figure(operator, "lockedRefusals") - refusedBefore).as("both refused by the lock").isEqualTo(2);

        FacesClient boss = signedIn("192.0.2.50", "boss");
        assertThat(boss.get("app/admin/security.xhtml").body()).contains("203.0.113.7");
        HttpResponse<String> unlocked = boss.submit("app/admin/security.xhtml", "locked", Map.of(), "table:0:unlock");
        assertThat(unlocked.body()).contains("Login \"admin\" is unlocked.");
        assertThat(signIn("203.0.113.8", "admin", Tenants.PASSWORD).statusCode()).isEqualTo(302);

        assertThat(events()).contains("ACCOUNT_LOCKED admin 203.0.113.7 -", "ACCOUNT_UNLOCKED admin - boss");
    }

    @Test
    void theAdministratorSetsTheRulesAndSprayingFromOneAddressLocksThatAddress() throws Exception {
        FacesClient boss = signedIn("192.0.2.50", "boss");
        assertThat(boss.submit("app/admin/security.xhtml", "settings",
                Map.of("lockAfter", "-1", "cooldown", "120", "minLength", "8", "version", "0"), "save").body())
                .contains("Lock an account after this many failed sign-ins must be from 0 to 1000");
        assertThat(boss.submit("app/admin/security.xhtml", "settings",
                Map.of("lockAfter", "3", "cooldown", "120", "minLength", "10", "version", "0"), "save").body())
                .contains("Settings saved.");

        for (int i = 0; i < 3; i++) {
            signIn("198.51.100.1", "admin", "wrong");
        }
        assertThat(signIn("198.51.100.2", "admin", Tenants.PASSWORD).body()).as("locked after 3 now").contains(FAILED);

        for (int i = 0; i < 15; i++) {
            signIn("198.51.100.66", "user" + i, "wrong");
        }
        assertThat(signIn("198.51.100.66", "boss", Tenants.PASSWORD).body()).as("the spraying address is locked out")
                .contains(FAILED);
        assertThat(signIn("198.51.100.67", "boss", Tenants.PASSWORD).statusCode()).as("others are not").isEqualTo(302);
        assertThat(events()).contains("SETTINGS_CHANGED - - boss", "ACCOUNT_LOCKED admin 198.51.100.1 -",
                "ADDRESS_LOCKED user14 198.51.100.66 -");

        assertThat(boss.submit("app/admin/security.xhtml", "settings",
                Map.of("lockAfter", "0", "cooldown", "120", "minLength", "10", "version", "1"), "save").body())
                .contains("Settings saved.");
        assertThat(signIn("198.51.100.2", "admin", Tenants.PASSWORD).statusCode()).as("locking off lifts the login's lock")
                .isEqualTo(302);
        assertThat(signIn("198.51.100.66", "boss", Tenants.PASSWORD).statusCode()).as("and the address's")
                .isEqualTo(302);
    }

    @Test
    void anAddressFailingAcrossTenantsIsBlockedEverywhereAndTheBlockIsAudited() throws Exception {
        String other = Tenants.create(FacesClient.forTestServer(BASE), "other");
        for (int i = 0; i < 40; i++) {
            String target = i % 3 == 0 ? slug : i % 3 == 1 ? other : "no-such-tenant";
            Tenants.signIn(FacesClient.from(BASE, "192.0.2.99"), target, "admin" + i, "wrong");
        }
        assertThat(Tenants.signIn(FacesClient.from(BASE, "192.0.2.99"), other, "admin", Tenants.PASSWORD).body())
                .contains(FAILED);
        assertThat(Tenants.signIn(FacesClient.from(BASE, "192.0.2.100"), other, "admin", Tenants.PASSWORD).statusCode())
                .isEqualTo(302);
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select kind, client_address from platform_event")) {
            List<String> events = new ArrayList<>();
            while (r.next()) {
                events.add(r.getString(1) + " " + r.getString(2));
            }
            assertThat(events).contains("ADDRESS_BLOCKED 192.0.2.99");
        }
    }

    @Test
    void theAuditTrailIsAppendOnlyEvenForTheTenantsOwnRole() throws Exception {
        for (int i = 0; i < 10; i++) {
            signIn("203.0.113.20", "admin", "wrong");
        }
        try (Connection c = Tenants.asTenantRole(tenant, TenantDatabase.databaseName(tenant));
             Statement s = c.createStatement()) {
            ResultSet count = s.executeQuery("select count(*) from security_event");
            count.next();
            assertThat(count.getInt(1)).isPositive();
            assertThatThrownBy(() -> s.execute("delete from security_event")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("update security_event set login = 'x'")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("insert into flyway_schema_history (installed_rank, version, "
                    + "description, type, script, installed_by, execution_time, success) values (999, '999', 'x', "
                    + "'SQL', 'x', 'x', 0, true)")).as("nor can it mark a migration as applied")
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("delete from flyway_schema_history"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void noPageShowsAPasswordOrAHashToAnybodyStaffIncluded() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(Tenants.PASSWORD));
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select password_hash from user_account")) {
            while (r.next()) {
                String hash = r.getString(1);
                secrets.add(hash);
                secrets.addAll(List.of(hash.split("\\$")).subList(3, 5));
            }
        }
        assertThat(secrets).hasSizeGreaterThan(4);
        signIn("203.0.113.77", "admin", "wrong");
        List<String> pages = new ArrayList<>();
        FacesClient boss = signedIn("192.0.2.51", "boss");
        for (String page : List.of("app/contacts.xhtml", "app/contact.xhtml", "app/admin/security.xhtml",
                "app/admin/users.xhtml", "app/admin/user.xhtml?login=admin", "app/admin/user.xhtml?login=boss",
                "app/password.xhtml")) {
            pages.add(boss.get(page).body());
        }
        pages.add(Tenants.signIn(FacesClient.from(BASE, "192.0.2.52"), slug, "admin", "wrong").body());
        FacesClient operator = staff();
        for (String page : List.of("staff/tenants.xhtml", "staff/status.xhtml")) {
            pages.add(operator.get(page).body());
        }
        assertThat(pages.get(pages.size() - 2)).contains(slug);
        for (String body : pages) {
            for (String secret : secrets) {
                assertThat(body).doesNotContain(secret);
            }
            assertThat(body).doesNotContain("pbkdf2");
        }
    }

    private HttpResponse<String> signIn(String address, String login, String password) {
        return Tenants.signIn(FacesClient.from(BASE, address), slug, login, password);
    }

    private FacesClient signedIn(String address, String login) {
        FacesClient client = FacesClient.from(BASE, address);
        assertThat(Tenants.signIn(client, slug, login, Tenants.PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }

    private static FacesClient staff() {
        FacesClient operator = FacesClient.from(BASE, "198.18.0.1");
        HttpResponse<String> answer = operator.submit("staff-login.xhtml", "staffSignin",
                Map.of("login", "operator", "password", TestPlatform.operatorPassword()), "submit");
        assertThat(answer.statusCode()).isEqualTo(302);
        return operator;
    }

    private static long derivations(FacesClient operator) {
        return StatusPage.figure(operator, "derivations");
    }

    private List<String> events() throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select kind, login, client_address, actor from security_event order by id")) {
            while (r.next()) {
                events.add(r.getString(1) + " " + dash(r.getString(2)) + " " + dash(r.getString(3)) + " "
                        + dash(r.getString(4)));
            }
        }
        return events;
    }

    private static String dash(String text) {
        return text == null ? "-" : text;
    }
}
