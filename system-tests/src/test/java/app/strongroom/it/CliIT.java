package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import app.strongroom.cli.StrongroomCli;
import app.strongroom.identity.PasswordHasher;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The batch console on the command line (U3) against the running server: staff API tokens made on the staff page,
 * strongroom-cli starting, watching and restarting real jobs through the staff JSON API, every refused token audited,
 * the API reachable with a bearer token alone (never a session), its errors as problems and its surface in OpenAPI.
 */
@OnStrongroom
@RunAsClient
class CliIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");
    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"newToken\" class=\"token\">(srs_[A-Za-z0-9_-]{43})<");
    private static final Pattern STARTED = Pattern.compile("execution (\\d+)");
    private static final java.util.Set<String> LOOPBACK = java.util.Set.of("127.0.0.1", "::1");
    private static String operatorToken;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @Test
    void anOperatorsTokenFromTheStaffPageRunsABackupToItsEndListsItAndItsBackups() throws Exception {
        FacesClient operator = Backups.operator(BASE);
        HttpResponse<String> made = operator.submit("staff/tokens.xhtml", "tokens",
                Map.of("name", "laptop", "days", "7"), "create");
        String token = tokenIn(made);
        assertThat(made.body()).contains("Your new token \"laptop\"").contains("will not be shown again");
        assertThat(operator.get("staff/tokens.xhtml").body()).as("shown once, in the answer that made it")
                .doesNotContain(token).contains("laptop").contains("never");
        assertThat(storedDigest(token)).as("only its SHA-256 is kept").isPresent();
        assertThat(catalogText("select * from staff_api_token")).doesNotContain(token)
                .doesNotContain(token.substring(4));

        String slug = Tenants.create(FacesClient.forTestServer(BASE), "cli");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        Run started = cli(token, "jobs", "start", "backup", "--tenant", slug, "--wait", "--interval", "0.2");
        assertThat(started.exitCode()).as(started.err()).isZero();
        long execution = executionIn(started.out());
        assertThat(started.out()).contains("started backup for " + slug + ": execution " + execution)
                .contains("execution " + execution + " backup COMPLETED after").contains("1/1 tenants");

        Run list = cli(token, "jobs", "list", "--job", "backup");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("(?m)^" + execution + "\\s+backup\\s+COMPLETED\\s");

        Backups.Attempt backup = Backups.attempts(tenant).get(0);
        assertThat(backup.state()).isEqualTo("GOOD");
        Run backups = cli(token, "backups", "list", "--tenant", slug);
        assertThat(backups.exitCode()).as(backups.err()).isZero();
        assertThat(backups.out()).containsPattern(Pattern.quote(backup.id().toString()) + "\\s+\\S+ \\S+\\s+[0-9.]+ (B|KiB|MiB)\\s+GOOD")
                .contains(backup.fileName()).contains("1 kept backup(s) of " + slug);

        assertThat(operator.get("staff/tokens.xhtml").body()).as("the page shows when it was last used")
                .containsPattern("class=\"last-used\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d<").containsPattern("\\((127\\.0\\.0\\.1|::1)\\)");

        Process jar = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("strongroom.cli.jar"), "jobs", "list", "--count", "1", "--server", BASE.toString(),
                "--pin-sha256", serverPin()).redirectErrorStream(true).start();
        jar.getOutputStream().close();
        String jarSaid = new String(jar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jar.waitFor()).as("the shaded jar without a token: " + jarSaid).isEqualTo(2);
        ProcessBuilder withToken = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("strongroom.cli.jar"), "jobs", "list", "--count", "1", "--server",
                BASE.toString(), "--pin-sha256", serverPin()).redirectErrorStream(true);
        withToken.environment().put("STRONGROOM_TOKEN", token);
        Process run = withToken.start();
        jarSaid = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as(jarSaid).isZero();
        assertThat(jarSaid).contains("STATUS").contains("executions 1 to 1 of");
    }

    @Test
    void watchFollowsARunningExecutionLineByLineAndDrawsABarOnATerminal() {
        Run started = cli(operatorToken(), "jobs", "start", "backup");
        assertThat(started.exitCode()).as(started.err()).isZero();
        long execution = executionIn(started.out());
        assertThat(started.out()).contains("started backup for every tenant: execution " + execution);

        Run watched = cli(operatorToken(), "jobs", "watch", Long.toString(execution), "--interval", "0.2");
        assertThat(watched.exitCode()).as(watched.out() + watched.err()).isZero();
        List<String> lines = watched.out().lines().toList();
        assertThat(lines).as("one line per change, each with the time").allSatisfy(line -> assertThat(line)
                .matches("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ execution " + execution + " backup [A-Z]+.*"
                        + "|execution " + execution + " backup COMPLETED after .*)"));
        assertThat(lines.get(lines.size() - 2)).contains(" COMPLETED  ").containsPattern("(\\d+)/\\1 tenants");
        assertThat(lines).last().asString().startsWith("execution " + execution + " backup COMPLETED after");
        assertThat(lines).doesNotHaveDuplicates();

        Run drawn = cli(operatorToken(), true, "jobs", "watch", Long.toString(execution));
        assertThat(drawn.exitCode()).isZero();
        assertThat(drawn.out()).startsWith("\rexecution " + execution + " backup COMPLETED [" + "#".repeat(30) + "] 100%")
                .contains("\nexecution " + execution + " backup COMPLETED after");
    }

    @Test
    void aRunWithAFailedTenantExitsOneWithTheReasonAndItsRestartCompletesOnceTheCauseIsFixed() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "cli-fail");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        Path backups = Backups.location().resolve("tenants").resolve(tenant.value().toString()).resolve("backups");
        Path aside = backups.resolveSibling("backups-aside");
        boolean hadDirectory = Files.isDirectory(backups);
        if (hadDirectory) {
            Files.move(backups, aside);
        }
        Files.createDirectories(backups.getParent());
        Files.writeString(backups, "a file where the directory should be");
        Run failed;
        try {
            failed = cli(operatorToken(), "jobs", "start", "backup", "--tenant", slug, "--wait", "--interval", "0.2");
        } finally {
            Files.delete(backups);
            if (hadDirectory) {
                Files.move(aside, backups);
            }
        }
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        long execution = executionIn(failed.out());
        assertThat(failed.out()).contains("execution " + execution + " backup FAILED after")
                .containsPattern("(?m)^  tenant " + Pattern.quote(slug) + ": .*cannot be written")
                .contains("jobs restart " + execution);
        assertThat(Backups.attempts(tenant)).extracting(Backups.Attempt::state).containsOnly("FAILED");

        Run restarted = cli(operatorToken(), "jobs", "restart", Long.toString(execution), "--wait", "--interval", "0.2");
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
        long second = Long.parseLong(restarted.out().replaceAll("(?s).*restarted as execution (\\d+).*", "$1"));
        assertThat(second).isNotEqualTo(execution);
        assertThat(restarted.out()).contains("execution " + second + " backup COMPLETED after");
        Backups.Attempt good = Backups.attempts(tenant).get(0);
        assertThat(good.state()).isEqualTo("GOOD");

        Run listed = cli(operatorToken(), "backups", "list", "--tenant", slug);
        assertThat(listed.out()).contains(good.id().toString()).contains("1 kept backup(s) of " + slug);

        Run again = cli(operatorToken(), "jobs", "restart", Long.toString(execution));
        assertThat(again.exitCode()).as("carried on already: a conflict").isEqualTo(4);
        assertThat(again.err()).contains("HTTP 409").contains("carried it on already");
        Run stop = cli(operatorToken(), "jobs", "stop", Long.toString(second));
        assertThat(stop.exitCode()).isEqualTo(4);
        assertThat(stop.err()).contains("HTTP 409").contains("not running");
        Run unknown = cli(operatorToken(), "jobs", "watch", "987654321");
        assertThat(unknown.exitCode()).isEqualTo(4);
        assertThat(unknown.err()).contains("HTTP 404").contains("There is no job execution 987654321.");
        Run noTenant = cli(operatorToken(), "backups", "list", "--tenant", "no-such-tenant-here");
        assertThat(noTenant.exitCode()).isEqualTo(4);
        Run noJob = cli(operatorToken(), "jobs", "start", "defragment");
        assertThat(noJob.exitCode()).as("a value the server finds wrong").isEqualTo(2);
        assertThat(noJob.err()).contains("There is no job \"defragment\"; the jobs are backup, retention, replication, drill.");
    }

    @Test
    void expiredGarbageAndUnknownTokensAndAHelpdeskTokenStartingAJobAreRefusedAndAudited() throws Exception {
        Instant since = Instant.now();
        FacesClient operator = Backups.operator(BASE);
        String expiring = tokenIn(operator.submit("staff/tokens.xhtml", "tokens", Map.of("name", "old", "days", "1"),
                "create"));
        UUID expiringId = storedDigest(expiring).orElseThrow();
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("update staff_api_token set created_at = now() - interval '2 days',"
                     + " expires_at = now() - interval '1 second' where id = ?")) {
            s.setObject(1, expiringId);
            assertThat(s.executeUpdate()).isOne();
        }
        Run expired = cli(expiring, "jobs", "list");
        assertThat(expired.exitCode()).isEqualTo(3);
        assertThat(expired.err()).contains("HTTP 401").contains("The token expired at");
        assertThat(operator.get("staff/tokens.xhtml").body()).contains("Expired");

        String garbage = "srs_not-a-real-token";
        Run refusedGarbage = cli(garbage, "jobs", "list");
        assertThat(refusedGarbage.exitCode()).isEqualTo(3);
        assertThat(refusedGarbage.err()).contains("The credential is not a Strongroom staff API token");
        String unknown = "srs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        Run refusedUnknown = cli(unknown, "jobs", "list");
        assertThat(refusedUnknown.exitCode()).isEqualTo(3);
        assertThat(refusedUnknown.err()).contains("The token is not known");

        String helpdeskLogin = "helpdesk-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        addHelpdesk(helpdeskLogin);
        FacesClient helpdesk = FacesClient.forTestServer(BASE);
        assertThat(helpdesk.submit("staff-login.xhtml", "staffSignin", Map.of("login", helpdeskLogin, "password",
                Tenants.PASSWORD), "submit").statusCode()).isEqualTo(302);
        String helpdeskToken = tokenIn(helpdesk.submit("staff/tokens.xhtml", "tokens", Map.of("name", "desk",
                "days", "3"), "create"));
        UUID helpdeskTokenId = storedDigest(helpdeskToken).orElseThrow();
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "cli-desk");
        Run forbidden = cli(helpdeskToken, "jobs", "start", "backup", "--tenant", slug);
        assertThat(forbidden.exitCode()).isEqualTo(3);
        assertThat(forbidden.err()).contains("HTTP 403").contains("Only platform operators run jobs");
        assertThat(Backups.attempts(Tenants.idOf(slug).orElseThrow())).as("nothing was started").isEmpty();
        Run reads = cli(helpdeskToken, "backups", "list", "--tenant", slug);
        assertThat(reads.exitCode()).as("the helpdesk reads a tenant's backups: " + reads.err()).isZero();
        assertThat(reads.out()).contains("0 kept backup(s) of " + slug);

        assertThat(events(since)).contains(
                "API_TOKEN_REFUSED operator loopback API token " + expiringId + ": the token expired at",
                "API_TOKEN_REFUSED - loopback API token: the credential is not a Strongroom staff API token",
                "API_TOKEN_REFUSED - loopback API token: the token is not known",
                "API_ACCESS_DENIED " + helpdeskLogin + " loopback API token " + helpdeskTokenId
                        + ": POST /api/staff/jobs is not allowed to this staff member's role");
        assertThat(catalogText("select * from platform_event")).as("no token is ever written down")
                .doesNotContain(expiring).doesNotContain(garbage).doesNotContain(unknown).doesNotContain(helpdeskToken);
    }

    @Test
    void aSignedInBrowserSessionOpensNoPartOfTheApiAndARevokedTokenNothing() throws Exception {
        Instant since = Instant.now();
        String token;
        try (Browser browser = Browser.open(BASE)) {
            browser.go("staff-login.xhtml").fill("staffSignin:login", "operator")
                    .fill("staffSignin:password", TestPlatform.operatorPassword()).submit("staffSignin:submit");
            browser.go("staff/tokens.xhtml").fill("tokens:name", "browser").fill("tokens:days", "90").submit("tokens:create");
            token = browser.byId("newToken").getText();
            assertThat(token).matches("srs_[A-Za-z0-9_-]{43}");
            assertThat(cli(token, "jobs", "list").exitCode()).isZero();

            browser.go("api/staff/jobs");
            assertThat(browser.text()).as("the session's cookie opens nothing here")
                    .contains("\"type\":\"urn:strongroom:problem:token-required\"").contains("\"status\":401");
            Object posted = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('/api/staff/jobs', {method: 'POST', credentials: 'include',"
                            + " headers: {'Content-Type': 'application/json'}, body: JSON.stringify({job: 'backup'})})"
                            + ".then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + t)))"
                            + ".catch(e => done('failed ' + e));");
            assertThat(String.valueOf(posted)).startsWith("401 application/problem+json ").contains("token-required");

            browser.go("staff/tokens.xhtml");
            browser.markPage();
            browser.driver().findElement(By.xpath("//tr[.//span[contains(@class,'token-name') and text()='browser']]"
                    + "//button[contains(@id,'revoke')]")).click();
            browser.waitUntil(d -> browser.byId("confirmYes").isDisplayed());
            browser.byId("confirmYes").click();
            browser.awaitNewPage();
            assertThat(browser.text()).contains("The token \"browser\" is revoked.");
            assertThat(browser.driver().findElement(By.xpath("//tr[.//span[contains(@class,'token-name') and "
                    + "text()='browser']]//span[contains(@class,'token-state')]")).getText()).isEqualTo("Revoked");
        }
        Run revoked = cli(token, "jobs", "list");
        assertThat(revoked.exitCode()).isEqualTo(3);
        assertThat(revoked.err()).contains("HTTP 401").contains("The token was revoked");
        UUID id = storedDigest(token).orElseThrow();
        assertThat(events(since)).contains("API_TOKEN_CREATED operator loopback API token " + id + " \"browser\", expires",
                "API_TOKEN_REVOKED operator loopback API token " + id + " \"browser\"",
                "API_TOKEN_REFUSED operator loopback API token " + id + ": the token was revoked");
    }

    @Test
    void theApiTakesBearerTokensAloneMakesNoSessionAndAnswersEveryErrorAsAProblem() throws Exception {
        String token = operatorToken();
        HttpResponse<String> none = api("GET", "api/staff/jobs", null, Map.of());
        assertProblem(none, 401, "urn:strongroom:problem:token-required");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"strongroom\"");
        HttpResponse<String> basic = api("GET", "api/staff/jobs", null, Map.of("Authorization", "Basic b3A6cHc=",
                "X-Forwarded-For", "192.0.2.31"));
        assertProblem(basic, 401, "urn:strongroom:problem:token-refused");
        assertThat(basic.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer realm=\"strongroom\", error=\"invalid_token\""));

        FacesClient signedIn = Backups.operator(BASE);
        assertProblem(signedIn.get("api/staff/jobs"), 401, "urn:strongroom:problem:token-required");
        assertProblem(signedIn.get("api/staff/tenants/anyone/backups"), 401, "urn:strongroom:problem:token-required");
        HttpResponse<String> page = api("GET", "staff/tokens.xhtml", null, Map.of("Authorization", "Bearer " + token));
        assertThat(page.statusCode()).as("a bearer token never opens a page").isEqualTo(302);
        assertThat(FacesClient.location(page)).contains("staff-login.xhtml");

        HttpResponse<String> ok = api("GET", "api/staff/jobs?count=1", null, Map.of("Authorization", "Bearer " + token));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(ok.body()).startsWith("{\"count\":1,\"executions\":[");
        for (HttpResponse<String> answer : List.of(none, basic, ok)) {
            assertThat(answer.headers().allValues("Set-Cookie")).as("no session is ever made for the API").isEmpty();
        }

        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
        HttpResponse<String> foreign = api("POST", "api/staff/jobs", "{\"job\": \"nope\"}",
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                        "Origin", "https://evil.example"));
        assertProblem(foreign, 400, "urn:strongroom:problem:bad-request");
        assertThat(foreign.body()).as("a bearer call passes the cross-site check: there is no cookie to forge with")
                .contains("There is no job \\\"nope\\\"");
        HttpResponse<String> forgedPage = signedIn.withHeader("Origin", "https://evil.example")
                .submit("staff/tokens.xhtml", "tokens", Map.of("name", "forged", "days", "5"), "create");
        assertThat(forgedPage.statusCode()).as("while cookie-authenticated pages stay protected").isEqualTo(403);

        assertProblem(api("POST", "api/staff/jobs", "{\"job\": ", bearer), 400, "urn:strongroom:problem:bad-request");
        assertProblem(api("POST", "api/staff/jobs", "[1, 2]", bearer), 400, "urn:strongroom:problem:bad-request");
        assertProblem(api("POST", "api/staff/jobs", "{}", bearer), 400, "urn:strongroom:problem:bad-request");
        assertProblem(api("POST", "api/staff/jobs", "{\"job\": \"backup\", \"tenant\": \"NOT A SLUG\"}", bearer), 400,
                "urn:strongroom:problem:bad-request");
        assertProblem(api("POST", "api/staff/jobs", "{\"job\": \"backup\", \"tenant\": \"no-such-tenant\"}", bearer), 409,
                "urn:strongroom:problem:conflict");
        assertProblem(api("POST", "api/staff/jobs", "job=backup", Map.of("Authorization", "Bearer " + token,
                "Content-Type", "text/plain")), 415, "about:blank");
        assertProblem(api("GET", "api/staff/jobs?count=1000", null, bearer), 400, "urn:strongroom:problem:bad-request");
        assertProblem(api("GET", "api/staff/jobs?job=defrag", null, bearer), 400, "urn:strongroom:problem:bad-request");
        assertProblem(api("GET", "api/staff/jobs/abc", null, bearer), 404, "urn:strongroom:problem:not-found");
        assertProblem(api("GET", "api/staff/nothing/here", null, bearer), 404, "urn:strongroom:problem:not-found");
        assertProblem(api("GET", "api/nothing", null, Map.of()), 401, "urn:strongroom:problem:token-required");
        assertProblem(api("GET", "api/nothing", null, bearer), 404, "urn:strongroom:problem:not-found");
        assertProblem(api("GET", "api/staff/tenants/NOT_A_SLUG/backups", null, bearer), 400,
                "urn:strongroom:problem:bad-request");
        assertProblem(api("GET", "api/staff/tenants/no-such-tenant/backups", null, bearer), 404,
                "urn:strongroom:problem:not-found");
        HttpResponse<String> delete = api("DELETE", "api/staff/jobs", null, bearer);
        assertProblem(delete, 405, "about:blank");
        assertThat(delete.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET", "POST"));
        assertThat(api("GET", "api/application.wadl", null, bearer).statusCode()).as("no second description").isEqualTo(404);

        assertThat(api("GET", "openapi", null, Map.of()).statusCode()).as("not for the public").isEqualTo(404);
        assertThat(api("GET", "openapi", null, Map.of("Authorization", "Bearer " + token)).statusCode())
                .as("a bearer token opens the API alone").isEqualTo(404);
        HttpResponse<String> openApi = signedIn.get("openapi");
        assertThat(openApi.statusCode()).as(openApi.body()).isEqualTo(200);
        assertThat(openApi.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/yaml"));
        assertThat(openApi.body()).contains("/api/staff/jobs:", "/api/staff/jobs/{id}:", "/api/staff/jobs/{id}/stop:",
                "/api/staff/jobs/{id}/restart:", "/api/staff/jobs/{id}/abandon:", "/api/staff/tenants/{tenant}/backups:",
                "scheme: bearer", "application/problem+json", "Problem:", "Execution:", "Backup:");
        assertThat(openApi.body().lines().filter(line -> line.matches("  /\\S+:"))).as("every published path, no other")
                .containsExactlyInAnyOrder("  /api/staff/jobs:", "  /api/staff/jobs/{id}:", "  /api/staff/jobs/{id}/stop:",
                        "  /api/staff/jobs/{id}/restart:", "  /api/staff/jobs/{id}/abandon:",
                        "  /api/staff/tenants/{tenant}/backups:", "  /api/v1/contacts:", "  /api/v1/contacts/{id}:",
                        "  /api/v1/products:", "  /api/v1/products/{id}:", "  /api/v1/orders:", "  /api/v1/orders/{id}:",
                        "  /api/v1/orders/{id}/send:", "  /api/v1/orders/{id}/confirm:", "  /api/v1/orders/{id}/cancel:",
                        "  /api/v1/orders/{id}/invoice:", "  /api/v1/invoices:", "  /api/v1/invoices/{id}:",
                        "  /api/v1/invoices/{id}/post:", "  /api/v1/invoices/{id}/pay:",
                        "  /api/v1/invoices/{id}/cancel:", "  /api/v1/openapi:");
        assertThat(signedIn.get("openapi?format=json").body()).startsWith("{").contains("\"/api/staff/jobs/{id}/restart\"");
    }

    @Test
    void aWrongPinStopsTheToolBeforeTheTokenIsSent() throws Exception {
        FacesClient operator = Backups.operator(BASE);
        String token = tokenIn(operator.submit("staff/tokens.xhtml", "tokens", Map.of("name", "pinned", "days", "2"),
                "create"));
        Instant since = Instant.now();
        String wrongPin = "sha256/" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest("some other key".getBytes(StandardCharsets.UTF_8)));
        Run run = run(Map.of("STRONGROOM_TOKEN", token), false, "jobs", "list", "--server", BASE.toString(),
                "--pin-sha256", wrongPin);
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).contains("TLS with localhost:" + BASE.getPort() + " failed")
                .contains("not the pinned " + wrongPin).contains(serverPin());
        assertThat(operator.get("staff/tokens.xhtml").body()).as("the server never saw the token")
                .containsPattern("(?s)token-name\">pinned<.*?never");
        assertThat(events(since)).as("nothing was refused: nothing reached the server")
                .noneMatch(event -> event.startsWith("API_TOKEN_REFUSED") || event.startsWith("API_ACCESS_DENIED"));
    }

    // ----- helpers -----

    record Run(int exitCode, String out, String err) {
    }

    /** The tool with the token in its environment, trusting the test server by its pinned key. */
    private static Run cli(String token, String... args) {
        return cli(token, false, args);
    }

    private static Run cli(String token, boolean terminal, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", BASE.toString(), "--pin-sha256", serverPin()));
        return run(Map.of("STRONGROOM_TOKEN", token), terminal, all.toArray(String[]::new));
    }

    private static Run run(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StrongroomCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env, terminal);
        return new Run(code, out.toString(), err.toString());
    }

    /** The operator's token most tests share (an operator may hold ten active ones at a time). */
    private static synchronized String operatorToken() {
        if (operatorToken == null) {
            operatorToken = tokenIn(Backups.operator(BASE).submit("staff/tokens.xhtml", "tokens",
                    Map.of("name", "shared", "days", "1"), "create"));
        }
        return operatorToken;
    }

    private static String tokenIn(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Matcher token = NEW_TOKEN.matcher(answer.body());
        assertThat(token.find()).as("the new token is shown: " + answer.body().replaceAll("(?s)<script.*?</script>", ""))
                .isTrue();
        return token.group(1);
    }

    private static long executionIn(String out) {
        Matcher id = STARTED.matcher(out);
        assertThat(id.find()).as(out).isTrue();
        return Long.parseLong(id.group(1));
    }

    /** The SHA-256 pin of the test server's certificate, as the run command prints its own. */
    private static String serverPin() {
        try (InputStream in = Files.newInputStream(TestPlatform.keyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TestPlatform.KEYSTORE_PASSWORD.toCharArray());
            X509Certificate certificate = (X509Certificate) store.getCertificate(
                    app.strongroom.launcher.SelfSignedCertificate.ALIAS);
            return "sha256/" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getPublicKey().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the token whose SHA-256 the catalog holds, if it holds it. */
    private static Optional<UUID> storedDigest(String token) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("select id from staff_api_token where token_sha256 = ?")) {
            s.setString(1, digest);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** Every value of every row a query returns, as one text, to look for what must not be there. */
    private static String catalogText(String query) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             ResultSet r = c.createStatement().executeQuery(query)) {
            while (r.next()) {
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    text.append(r.getString(i)).append('|');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    /**
     * The platform's API events since {@code since}, as "kind login address detail", "-" for what is absent and
     * "loopback" for this machine (the tool and the browser reach localhost over IPv4 or IPv6).
     */
    private static List<String> events(Instant since) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("select kind, login, client_address, detail from platform_event"
                     + " where occurred_at >= ? and kind like 'API_%' order by id")) {
            s.setObject(1, java.time.OffsetDateTime.ofInstant(since.minusSeconds(1), java.time.ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String address = Optional.ofNullable(r.getString(3)).orElse("-");
                    events.add(r.getString(1) + " " + Optional.ofNullable(r.getString(2)).orElse("-") + " "
                            + (LOOPBACK.contains(address) ? "loopback" : address) + " " + r.getString(4));
                }
            }
        }
        return events.stream().map(e -> e.replaceAll("(expires|expired at) \\S+$", "$1")).toList();
    }

    private static void addHelpdesk(String login) throws Exception {
        String hash = new PasswordHasher(TestPlatform.TEST_ITERATIONS).hash(Tenants.PASSWORD.toCharArray()).format();
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("insert into staff_member (id, login, password_hash, role,"
                     + " created_at) values (?, ?, ?, 'HELPDESK', now())")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, login);
            s.setString(3, hash);
            s.executeUpdate();
        }
    }

    private static HttpResponse<String> api(String method, String path, String body, Map<String, String> headers) {
        return ApiClient.of(BASE).send(method, path, body, headers);
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String type) {
        ApiClient.assertProblem(answer, status, type);
    }
}
