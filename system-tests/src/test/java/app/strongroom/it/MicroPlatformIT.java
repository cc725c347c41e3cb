package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantDatabase;
import app.strongroom.catalog.TenantId;
import app.strongroom.platform.Migrations;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The Micro WAR over HTTP: transport rules, sign-in, tenant provisioning and isolation down to PostgreSQL. */
@OnStrongroom
@RunAsClient
class MicroPlatformIT {
    @ArquillianResource
    URL httpBase;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    private FacesClient client() {
        return FacesClient.forTestServer(URI.create("https://localhost:" + TestPlatform.httpsPort() + "/"));
    }

    @Test
    void plainHttpIsRedirectedToHttps() throws Exception {
        FacesClient plain = FacesClient.forTestServer(URI.create("http://localhost:" + httpBase.getPort() + "/"));
        HttpResponse<String> answer = plain.get("login.xhtml?tenant=acme");
        assertThat(answer.statusCode()).isEqualTo(308);
        assertThat(FacesClient.location(answer))
                .isEqualTo("https://localhost:" + TestPlatform.httpsPort() + "/login.xhtml?tenant=acme");
        assertThat(answer.body()).doesNotContain("signin");
    }

    @Test
    void httpsAnswersCarryHstsAndTheSessionCookieIsSecureAndHttpOnly() {
        HttpResponse<String> answer = client().get("login.xhtml");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age=31536000"));
        assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void onlyTls12And13WithForwardSecretAeadSuitesAreAccepted() throws Exception {
        int port = TestPlatform.httpsPort();
        assertThat(TlsHandshake.negotiate(port, "-tls1_3")).contains("TLSv1.3 TLS_AES_256_GCM_SHA384");
        assertThat(TlsHandshake.negotiate(port, "-tls1_2")).hasValueSatisfying(
                v -> assertThat(v).startsWith("TLSv1.2 ECDHE-"));
        assertThat(TlsHandshake.negotiate(port, "-tls1_1", "-cipher", "ALL:@SECLEVEL=0")).isEmpty();
        assertThat(TlsHandshake.negotiate(port, "-tls1")).isEmpty();
        assertThat(TlsHandshake.negotiate(port, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-SHA384")).as("CBC").isEmpty();
        assertThat(TlsHandshake.negotiate(port, "-tls1_2", "-cipher", "AES256-GCM-SHA384")).as("no forward secrecy")
                .isEmpty();
    }

    @Test
    void noAnswerNamesTheServerSoftware() {
        // HTTP/2 as browsers speak it, HTTP/1.1 as scanners and proxies do: the server writes headers by other code.
        for (HttpClient.Version version : HttpClient.Version.values()) {
            noAnswerNamesTheServerSoftware(version);
        }
    }

    private void noAnswerNamesTheServerSoftware(HttpClient.Version version) {
        FacesClient https = FacesClient.forTestServer(client().base(), version);
        HttpResponse<String> page = https.get("login.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher stylesheet = Pattern.compile("href=\"/?([^\"]*strongroom\\.css[^\"]*)\"").matcher(page.body());
        assertThat(stylesheet.find()).as("the page links its stylesheet").isTrue();
        HttpResponse<String> resource = https.get(stylesheet.group(1).replace("&amp;", "&"));
        assertThat(resource.statusCode()).isEqualTo(200);
        HttpResponse<String> missingPage = https.get("no-such-page.xhtml");
        assertThat(missingPage.statusCode()).isEqualTo(404);
        HttpResponse<String> missingFile = https.get("no-such-file.txt");
        assertThat(missingFile.statusCode()).isEqualTo(404);
        HttpResponse<String> redirect = FacesClient.forTestServer(
                URI.create("http://localhost:" + httpBase.getPort() + "/"), version).get("login.xhtml");
        assertThat(redirect.statusCode()).isEqualTo(308);

        for (HttpResponse<String> answer : List.of(page, resource, missingPage, missingFile, redirect)) {
            assertThat(answer.headers().map().keySet()).as(version + " " + answer.uri() + " " + answer.statusCode())
                    .noneMatch(name -> name.equalsIgnoreCase("Server") || name.equalsIgnoreCase("X-Powered-By"));
        }
    }

    @Test
    void theSessionCookieCarriesSameSiteExactlyOnce() {
        String slug = Tenants.create(client(), "samesite");
        for (HttpClient.Version version : HttpClient.Version.values()) {
            theSessionCookieCarriesSameSiteExactlyOnce(slug, version);
        }
    }

    private void theSessionCookieCarriesSameSiteExactlyOnce(String slug, HttpClient.Version version) {
        FacesClient user = FacesClient.forTestServer(client().base(), version);
        String fresh = sessionCookieHeader(user.get("login.xhtml"));
        String afterSignIn = sessionCookieHeader(Tenants.signIn(user, slug, "admin", Tenants.PASSWORD));
        for (String cookie : List.of(fresh, afterSignIn)) {
            assertThat(Pattern.compile("(?i)samesite=").matcher(cookie).results().count()).as(version + " " + cookie)
                    .isEqualTo(1);
            assertThat(cookie).containsIgnoringCase("SameSite=Lax");
        }
    }

    @Test
    void healthTellsAnyoneUpAndNothingMore() {
        HttpResponse<String> health = client().get("health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        // Payara's own endpoints below /health listed checks with pool and memory figures; they are gone.
        for (String path : List.of("health/live", "health/ready", "health/started")) {
            HttpResponse<String> answer = client().get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("checks").doesNotContain("\"status\"");
        }
    }

    @Test
    void metricsAreRefusedToAnonymousCallersAndTenantUsers() {
        FacesClient anonymous = client();
        for (String path : List.of("metrics", "metrics/", "metrics/base", "metrics/vendor", "openapi")) {
            HttpResponse<String> answer = anonymous.get(path);
            assertThat(answer.statusCode()).as(path).isIn(403, 404);
            assertNoFigures(answer);
        }
        HttpResponse<String> unlisted = FacesClient.from(client().base(), "198.51.100.8").get("metrics");
        assertThat(unlisted.statusCode()).isEqualTo(404);
        assertNoFigures(unlisted);

        String slug = Tenants.create(client(), "metrics");
        FacesClient user = client();
        assertThat(Tenants.signIn(user, slug, "admin", Tenants.PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> tenantAdmin = user.get("metrics");
        assertThat(tenantAdmin.statusCode()).isEqualTo(404);
        assertNoFigures(tenantAdmin);
    }

    @Test
    void metricsAreGivenToSignedInStaffAndToTheMonitoringAddress() {
        FacesClient operator = FacesClient.from(client().base(), "198.18.0.2");
        HttpResponse<String> signedIn = operator.submit("staff-login.xhtml", "staffSignin",
                Map.of("login", "operator", "password", TestPlatform.operatorPassword()), "submit");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertFigures(operator.get("metrics"));

        // The test platform lists 198.51.100.7 in strongroom.monitoring.addresses; the scraper does not sign in.
        assertFigures(FacesClient.from(client().base(), TestPlatform.MONITORING_ADDRESS).get("metrics"));
    }

    private static void assertFigures(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(answer.body()).contains("# TYPE jvm_memory_heap_used_bytes gauge")
                .containsPattern("(?m)^jvm_memory_heap_used_bytes [1-9][0-9]*$")
                .containsPattern("(?m)^jvm_threads_live [1-9][0-9]*$")
                .containsPattern("(?m)^strongroom_password_derivations_total [0-9]+$")
                .containsPattern("(?m)^strongroom_tenant_units_open [0-9]+$");
    }

    private static void assertNoFigures(HttpResponse<String> answer) {
        assertThat(answer.body()).doesNotContainIgnoringCase("heap").doesNotContain("jvm_")
                .doesNotContain("thread").doesNotContain("connection_pool").doesNotContain("strongroom_")
                .doesNotContain("MicroProfile");
    }

    @Test
    void aTenantRoleCannotConnectToTheServersMaintenanceDatabases() throws Exception {
        TenantId tenant = Tenants.idOf(Tenants.create(client(), "maint")).orElseThrow();
        for (String database : List.of("postgres", "template1")) {
            assertThatThrownBy(() -> connectAs(tenant, database).close()).as(database)
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for database");
        }
        try (Connection admin = Tenants.superuser("postgres"); Statement s = admin.createStatement();
             ResultSet r = s.executeQuery("select count(*) from pg_database where datname = 'template1'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).as("the administrator still connects").isEqualTo(1);
        }
    }

    @Test
    void tenantPagesNeedSignInAndStaffPagesNeedStaff() {
        FacesClient anonymous = client();
        HttpResponse<String> answer = anonymous.get("app/contacts.xhtml");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(FacesClient.location(answer)).endsWith("/login.xhtml?next=%2Fapp%2Fcontacts.xhtml");
        assertThat(FacesClient.location(anonymous.get("staff/status.xhtml")))
                .as("staff pages lead to the staff sign-in").endsWith("/staff-login.xhtml?next=%2Fstaff%2Fstatus.xhtml");

        String slug = Tenants.create(anonymous, "guard");
        FacesClient user = client();
        assertThat(Tenants.signIn(user, slug, "admin", Tenants.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(user.get("app/contacts.xhtml").statusCode()).isEqualTo(200);
        assertThat(user.get("staff/tenants.xhtml").statusCode()).isEqualTo(403);
    }

    @Test
    void signingInReplacesTheSessionIdAndSigningOutEndsTheSession() {
        String slug = Tenants.create(client(), "fixation");
        FacesClient user = client();
        String before = sessionCookie(user.get("login.xhtml"));
        HttpResponse<String> signedIn = Tenants.signIn(user, slug, "admin", Tenants.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String after = sessionCookie(signedIn);
        assertThat(after).isNotEqualTo(before);
        assertThat(user.get("app/contacts.xhtml").statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = user.submit("app/contacts.xhtml", "session", Map.of(), "signOut");
        assertThat(FacesClient.location(signedOut)).endsWith("/login.xhtml");
        assertThat(user.get("app/contacts.xhtml").statusCode()).isEqualTo(302);
    }

    @Test
    void aHashWeakerThanTheCurrentSettingIsReplacedAtTheNextSignIn() throws Exception {
        String slug = Tenants.create(client(), "rehash");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        String weak = new app.strongroom.identity.PasswordHasher(TestPlatform.TEST_ITERATIONS / 2)
                .hash(Tenants.PASSWORD.toCharArray()).format();
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant));
             PreparedStatement s = c.prepareStatement("update user_account set password_hash = ? where login = 'admin'")) {
            s.setString(1, weak);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        assertThat(Tenants.signIn(client(), slug, "admin", Tenants.PASSWORD).statusCode()).isEqualTo(302);
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select password_hash from user_account where login = 'admin'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).startsWith("$pbkdf2-sha512$" + TestPlatform.TEST_ITERATIONS + "$")
                    .isNotEqualTo(weak);
        }
        assertThat(Tenants.signIn(client(), slug, "admin", Tenants.PASSWORD).statusCode()).isEqualTo(302);
    }

    private static String sessionCookieHeader(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    @Test
    void unknownTenantUnknownLoginAndWrongPasswordAnswerAlike() {
        String slug = Tenants.create(client(), "alike");
        String[] bodies = {
            Tenants.signIn(client(), "no-such-tenant", "admin", Tenants.PASSWORD).body(),
            Tenants.signIn(client(), slug, "nobody", Tenants.PASSWORD).body(),
            Tenants.signIn(client(), slug, "admin", "wrong password").body(),
            Tenants.signIn(client(), "x", "admin", Tenants.PASSWORD).body()};
        for (String body : bodies) {
            assertThat(body).contains("Company, login or password is not right.");
        }
        HttpResponse<String> ok = Tenants.signIn(client(), slug, "ADMIN", Tenants.PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(FacesClient.location(ok)).endsWith("/app/contacts.xhtml");
    }

    @Test
    void signUpGivesTheTenantItsOwnDatabaseAndARoleConfinedToIt() throws Exception {
        TenantId first = Tenants.idOf(Tenants.create(client(), "own")).orElseThrow();
        TenantId second = Tenants.idOf(Tenants.create(client(), "other")).orElseThrow();
        assertThat(Tenants.databaseExists(Tenants.databaseOf(first))).isTrue();
        assertThat(Tenants.roleExists(Tenants.roleOf(first))).isTrue();

        try (Connection own = connectAs(first, Tenants.databaseOf(first)); Statement s = own.createStatement()) {
            ResultSet admins = s.executeQuery("select login, administrator from user_account");
            assertThat(admins.next()).isTrue();
            assertThat(admins.getString(1)).isEqualTo("admin");
            assertThatThrownBy(() -> s.execute("create table intruder (x int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        assertThatThrownBy(() -> connectAs(first, Tenants.databaseOf(second)).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for database");
        assertThatThrownBy(() -> connectAs(first, TestPlatform.CATALOG).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for database");
        try (Connection su = Tenants.superuser("postgres");
             PreparedStatement s = su.prepareStatement("select datacl::text from pg_database where datname = ?")) {
            s.setString(1, Tenants.databaseOf(first));
            try (ResultSet acl = s.executeQuery()) {
                assertThat(acl.next()).isTrue();
                assertThat(acl.getString(1)).as("PUBLIC holds no privilege on the tenant database")
                        .doesNotContain("{=").doesNotContain(",=");
            }
        }
    }

    @Test
    void aSignUpThatFailsHalfWayLeavesNothingAndARetryCompletesIt() throws Exception {
        String slug = Tenants.uniqueSlug("broken");
        int databasesBefore = countTenantDatabases();
        // Counted apart: a side copy an earlier class restored is a database without a role of its own.
        int rolesBefore = countTenantRoles();
        PostgresAdmin admin = Tenants.postgresAdmin();
        SqlIdentifier template = new SqlIdentifier(TenantDatabase.TEMPLATE);
        try (Connection su = Tenants.superuser("postgres"); Statement s = su.createStatement()) {
            s.execute("drop database " + TenantDatabase.TEMPLATE + " with (force)");
        }
        try {
            HttpResponse<String> failed = Tenants.signUp(client(), slug, "admin", Tenants.PASSWORD);
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).contains("Nothing was changed")
                    .doesNotContain("PSQLException").doesNotContain("at app.strongroom").doesNotContain(TenantDatabase.TEMPLATE);
            assertThat(Tenants.idOf(slug)).isEmpty();
            assertThat(countTenantDatabases()).isEqualTo(databasesBefore);
            assertThat(countTenantRoles()).isEqualTo(rolesBefore);
        } finally {
            admin.createDatabase(template);
            admin.closeToPublic(template);
            Migrations.migrateTenant(admin.adminDataSource(template));
        }
        HttpResponse<String> retried = Tenants.signUp(client(), slug, "admin", Tenants.PASSWORD);
        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(Tenants.signIn(client(), slug, "admin", Tenants.PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void signUpRefusesEveryBadValueAtOnceUnderTheFieldsOwnLabel() {
        String taken = Tenants.create(client(), "taken");
        assertThat(Tenants.signUp(client(), "Not A Name", "admin", Tenants.PASSWORD).body())
                .contains("Short name must be 3 to 40 lower-case letters");
        assertThat(Tenants.signUp(client(), taken, "admin", Tenants.PASSWORD).body()).contains("Short name is taken");
        assertThat(Tenants.signUp(client(), Tenants.uniqueSlug("short"), "admin", "short").body())
                .contains("Password must have at least 8 characters");
        assertThat(Tenants.signUp(client(), Tenants.uniqueSlug("common"), "admin", "Password1").body())
                .contains("Password is one of the most common passwords");
        String all = client().submit("signup.xhtml", "signup", Map.of("companyName", "X".repeat(201),
                "tenantName", taken, "adminLogin", "-admin", "email", "not-mail",
                "password", "short", "plan", "PAID"), "submit").body();
        assertThat(all).contains("Company name is longer than 200 characters")
                .doesNotContain("Validation Error").doesNotContain("must not be");
        String service = client().submit("signup.xhtml", "signup", Map.of("companyName", "X",
                "tenantName", taken, "adminLogin", "-admin", "email", "not-mail",
                "password", "short", "plan", "PAID"), "submit").body();
        assertThat(service).as("every field the service refuses, in one answer")
                .contains("Administrator login must start with a letter or digit")
                .contains("Administrator e-mail must be an address like name@example.com")
                .contains("Password must have at least 8 characters");
        String empty = client().submit("signup.xhtml", "signup", Map.of("companyName", "", "tenantName", "",
                "adminLogin", "", "email", "", "password", "", "plan", "FREE"), "submit").body();
        assertThat(empty).contains("Company name is required").contains("Short name is required")
                .contains("Administrator login is required").contains("Administrator e-mail is required")
                .contains("Password is required").doesNotContain("Validation Error");
    }

    private static Connection connectAs(TenantId tenant, String database) throws SQLException {
        return Tenants.asTenantRole(tenant, database);
    }

    private static int countTenantDatabases() throws SQLException {
        return count("select count(*) from pg_database where datname like 'tenant\\_%' and datname <> '"
                + TenantDatabase.TEMPLATE + "'");
    }

    private static int countTenantRoles() throws SQLException {
        return count("select count(*) from pg_roles where rolname like 'tenant\\_role\\_%'");
    }

    private static int count(String query) throws SQLException {
        try (Connection su = Tenants.superuser("postgres"); Statement s = su.createStatement();
             ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getInt(1);
        }
    }
}
