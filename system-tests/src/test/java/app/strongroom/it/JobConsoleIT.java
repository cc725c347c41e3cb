package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import app.strongroom.identity.PasswordHasher;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The batch console (U3) in a real browser against the running server: an operator starts a backup of every tenant
 * and watches its progress bar move to the end; stops one and restarts it; sees a failed run name the tenant and why,
 * and restarts it once fixed without redoing the tenants it had done; abandons one. Nobody but operators gets the page.
 */
@OnStrongroom
@RunAsClient
class JobConsoleIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");
    private static final Pattern STARTED = Pattern.compile("has started \\(execution (\\d+)\\)");
    private static final Pattern CARRIES_ON = Pattern.compile("carries on as execution (\\d+)");
    private static final Duration A_RUN = Duration.ofMinutes(3);
    private static final AtomicInteger STAFF = new AtomicInteger();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @Test
    void anOperatorStartsABackupOfEveryTenantAndWatchesItsProgressMoveToTheEnd() throws Exception {
        List<TenantId> tenants = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tenants.add(tenantWithData("progress", 12_000));
        }
        try (Browser browser = operator()) {
            long execution = start(browser, "backup", "");
            Set<String> whileRunning = new LinkedHashSet<>();
            AtomicInteger bars = new AtomicInteger();
            String status = until(browser, A_RUN, () -> {
                WebElement row = row(browser, execution);
                String now = row.findElement(By.className("job-status")).getText();
                if (now.equals("Running")) {
                    whileRunning.add(row.findElement(By.className("job-progress")).getText());
                    bars.addAndGet(row.findElements(By.className("job-bar")).size());
                }
                return now.equals("Running") || now.equals("Starting") ? Optional.empty() : Optional.of(now);
            });
            assertThat(status).isEqualTo("Completed");
            assertThat(whileRunning).as("progress seen while it ran").hasSizeGreaterThanOrEqualTo(2)
                    .allMatch(p -> p.matches("\\d+ of \\d+ done, .*"));
            assertThat(bars.get()).as("a running execution shows a progress bar").isPositive();

            browser.go("staff/jobs.xhtml");
            WebElement done = row(browser, execution);
            Matcher finalProgress = Pattern.compile("(\\d+) of (\\d+) done, (.+)")
                    .matcher(done.findElement(By.className("job-progress")).getText());
            assertThat(finalProgress.matches()).isTrue();
            assertThat(finalProgress.group(1)).as("every tenant done").isEqualTo(finalProgress.group(2));
            assertThat(Long.parseLong(finalProgress.group(2))).isGreaterThanOrEqualTo(tenants.size());
            assertThat(finalProgress.group(3)).as("the bytes written").endsWith("MB");
            assertThat(done.findElement(By.className("job-duration")).getText()).matches("[\\d.]+ (ms|s)");
            assertThat(done.findElement(By.className("job-started")).getText()).isNotBlank();
            assertThat(done.findElement(By.className("job-ended")).getText()).isNotBlank();
            assertThat(done.findElement(By.className("job-parameters")).getText()).contains("run=");
            assertThat(done.findElements(By.cssSelector("button[id$=':restart']"))).isEmpty();
            assertThat(browser.all(By.cssSelector("#backupSizes canvas"))).as("the backup size chart is drawn").hasSize(1);
            assertThat(browser.present("navJobs")).isTrue();
        }
        for (TenantId tenant : tenants) {
            assertThat(Backups.attempts(tenant)).extracting(Backups.Attempt::state).containsExactly("GOOD");
        }
        assertThat(audit("JOB_STARTED")).anyMatch(line -> line.startsWith("operator: backup execution"));
    }

    @Test
    void aStoppedBackupIsRestartedToTheEndWithoutBackingATenantUpTwice() throws Exception {
        List<TenantId> tenants = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tenants.add(tenantWithData("stopped", 12_000));
        }
        String runKey;
        try (Browser browser = operator()) {
            long execution = start(browser, "backup", "");
            until(browser, A_RUN, () -> Optional.of(status(browser, execution)).filter("Running"::equals));
            press(browser, execution, "stop");
            assertThat(browser.text()).contains("Execution " + execution + " is stopping");
            String stopped = until(browser, A_RUN, () -> {
                browser.go("staff/jobs.xhtml");
                return Optional.of(status(browser, execution)).filter(s -> !s.equals("Running") && !s.equals("Stopping"));
            });
            assertThat(stopped).isEqualTo("Stopped");
            runKey = parameter(browser, execution, "run");
            assertThat(count("select count(*) from backup where run_key = ? and state = 'GOOD'", runKey))
                    .as("the stop left tenants undone").isLessThan(count("select count(*) from tenant where status = ?",
                            "ACTIVE"));

            press(browser, execution, "restart");
            Matcher restarted = CARRIES_ON.matcher(browser.text());
            assertThat(restarted.find()).as(browser.text()).isTrue();
            long next = Long.parseLong(restarted.group(1));
            assertThat(awaitEnd(browser, next)).isEqualTo("Completed");
            assertThat(parameter(browser, next, "run")).as("the restart carries the same run on").isEqualTo(runKey);
            assertThat(row(browser, execution).findElements(By.cssSelector("button[id$=':restart']")))
                    .as("a stopped execution carried on is not restarted again").isEmpty();
        }
        for (TenantId tenant : tenants) {
            assertThat(attemptsIn(tenant, runKey)).as("one backup of each tenant in the run, none redone")
                    .containsExactly("GOOD");
        }
        assertThat(audit("JOB_STOPPED")).isNotEmpty();
        assertThat(audit("JOB_RESTARTED")).isNotEmpty();
    }

    @Test
    void aFailedTenantIsNamedWithItsReasonAndTheRestartAfterTheFixRedoesOnlyIt() throws Exception {
        TenantId good = tenantWithData("fine", 100);
        String badSlug = Tenants.create(FacesClient.forTestServer(BASE), "broken");
        TenantId bad = Tenants.idOf(badSlug).orElseThrow();
        Path backups = Backups.location().resolve("tenants").resolve(bad.value().toString()).resolve("backups");
        Files.createDirectories(backups.getParent());
        Files.deleteIfExists(backups);
        Files.writeString(backups, "a file where the directory should be");
        try (Browser browser = operator()) {
            long execution = start(browser, "backup", "");
            assertThat(awaitEnd(browser, execution)).isEqualTo("Failed");
            WebElement failed = row(browser, execution);
            List<String> failures = failed.findElements(By.className("job-failure")).stream().map(WebElement::getText)
                    .toList();
            assertThat(failures).as("the one tenant that failed, and why").hasSize(1);
            assertThat(failures.get(0)).startsWith("tenant " + badSlug + ": ").contains("cannot be written");
            String runKey = parameter(browser, execution, "run");
            assertThat(attemptsIn(good, runKey)).containsExactly("GOOD");

            Files.delete(backups);
            press(browser, execution, "restart");
            Matcher restarted = CARRIES_ON.matcher(browser.text());
            assertThat(restarted.find()).as(browser.text()).isTrue();
            long next = Long.parseLong(restarted.group(1));
            assertThat(awaitEnd(browser, next)).isEqualTo("Completed");
            assertThat(row(browser, next).findElements(By.className("job-failure"))).isEmpty();
            assertThat(attemptsIn(good, runKey)).as("the tenant done before is not backed up again")
                    .containsExactly("GOOD");
            assertThat(attemptsIn(bad, runKey)).as("the failed one is, now that it can be")
                    .containsExactlyInAnyOrder("FAILED", "GOOD");
        } finally {
            if (Files.isRegularFile(backups)) {
                Files.delete(backups);
            }
        }
    }

    @Test
    void anAbandonedExecutionCanNoLongerBeRestartedAndBadInputStartsNothing() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "abandon");
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        Path backups = Backups.location().resolve("tenants").resolve(tenant.value().toString()).resolve("backups");
        Files.createDirectories(backups.getParent());
        Files.writeString(backups, "a file where the directory should be");
        try (Browser browser = operator()) {
            long execution = start(browser, "backup", slug);
            assertThat(awaitEnd(browser, execution)).isEqualTo("Failed");
            assertThat(parameter(browser, execution, "tenant")).isEqualTo(tenant.value().toString());
            browser.markPage();
            row(browser, execution).findElement(By.cssSelector("button[id$=':abandon']")).click();
            browser.waitUntil(d -> browser.byId("confirmYes").isDisplayed());
            browser.byId("confirmYes").click();
            browser.awaitNewPage();
            assertThat(browser.text()).contains("Execution " + execution + " is abandoned");
            WebElement abandoned = row(browser, execution);
            assertThat(abandoned.findElement(By.className("job-status")).getText()).isEqualTo("Abandoned");
            assertThat(abandoned.findElements(By.cssSelector("button"))).as("nothing more to do with it").isEmpty();
            assertThat(audit("JOB_ABANDONED")).contains("operator: backup execution " + execution);

            String count = browser.byId("count").getText();
            browser.fill("start:tenant", "no-such-tenant").submit("start:submit");
            assertThat(browser.text()).contains("Not done: there is no active tenant with the short name \"no-such-tenant\"");
            browser.fill("start:tenant", "Not A Slug!").submit("start:submit");
            assertThat(browser.text()).contains("must be a short name");
            selectJob(browser, "replication");
            browser.fill("start:tenant", slug).submit("start:submit");
            assertThat(browser.text()).contains("it cannot be started for one tenant");
            browser.go("staff/jobs.xhtml");
            assertThat(browser.byId("count").getText()).as("nothing was started").isEqualTo(count);
        } finally {
            Files.deleteIfExists(backups);
        }
        assertThat(FacesClient.forTestServer(BASE).get("staff/jobs.xhtml?job=nonsense").statusCode())
                .as("nobody signed in").isEqualTo(302);
    }

    @Test
    void helpdeskStaffAndTenantAdministratorsAreRefusedTheConsole() throws Exception {
        String login = "helpdesk" + STAFF.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG); PreparedStatement s = c.prepareStatement(
                "insert into staff_member (id, login, password_hash, role, created_at) values (?, ?, ?, 'HELPDESK', now())")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, login);
            s.setString(3, new PasswordHasher(TestPlatform.TEST_ITERATIONS).hash(Tenants.PASSWORD.toCharArray()).format());
            s.executeUpdate();
        }
        FacesClient helpdesk = FacesClient.forTestServer(BASE);
        assertThat(helpdesk.submit("staff-login.xhtml", "staffSignin", Map.of("login", login, "password",
                Tenants.PASSWORD), "submit").statusCode()).isEqualTo(302);
        assertThat(helpdesk.get("staff/status.xhtml").body()).as("a staff page, without the console's link")
                .contains("navStatus").doesNotContain("navJobs");
        HttpResponse<String> refused = helpdesk.get("staff/jobs.xhtml");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Executions");

        String slug = Tenants.create(FacesClient.forTestServer(BASE), "console");
        FacesClient admin = FacesClient.forTestServer(BASE);
        assertThat(Tenants.signIn(admin, slug, "admin", Tenants.PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> alsoRefused = admin.get("staff/jobs.xhtml");
        assertThat(alsoRefused.statusCode()).isEqualTo(403);
        assertThat(alsoRefused.body()).doesNotContain("Executions");
    }

    /** A tenant whose contacts hold {@code rows} rows of 1,280 characters that compress poorly (about 1.3 MB each 1,000). */
    private static TenantId tenantWithData(String prefix, int rows) throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), prefix);
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant)); PreparedStatement s = c.prepareStatement(
                "insert into contact (name, notes, created_at, updated_at) select 'filler ' || g, "
                        + "(select string_agg(md5((g * 41 + i)::text || ?), '') from generate_series(1, 40) i), now(), now() "
                        + "from generate_series(1, ?) g")) {
            s.setString(1, slug);
            s.setInt(2, rows);
            s.executeUpdate();
        }
        return tenant;
    }

    private static Browser operator() {
        Browser browser = Browser.open(BASE);
        browser.go("staff-login.xhtml").fill("staffSignin:login", "operator")
                .fill("staffSignin:password", TestPlatform.operatorPassword()).submit("staffSignin:submit");
        browser.go("staff/jobs.xhtml");
        assertThat(browser.text()).contains("Batch jobs");
        return browser;
    }

    /** Starts the job from the page's form; returns the new execution's id. */
    private static long start(Browser browser, String job, String tenant) {
        browser.go("staff/jobs.xhtml");
        selectJob(browser, job);
        browser.fill("start:tenant", tenant).submit("start:submit");
        Matcher started = STARTED.matcher(browser.text());
        assertThat(started.find()).as(browser.text()).isTrue();
        return Long.parseLong(started.group(1));
    }

    private static void selectJob(Browser browser, String job) {
        // PrimeFaces draws its own menu over a hidden select, whose value is what the form sends.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('start:job_input').value = arguments[0];", job);
    }

    /** Presses a button on the execution's row and waits for the page that answers. */
    private static void press(Browser browser, long execution, String button) {
        browser.markPage();
        row(browser, execution).findElement(By.cssSelector("button[id$=':" + button + "']")).click();
        browser.awaitNewPage();
    }

    /** Waits, reloading the page, until the execution has ended; returns its status as shown. */
    private static String awaitEnd(Browser browser, long execution) {
        return until(browser, A_RUN, () -> {
            browser.go("staff/jobs.xhtml");
            String status = status(browser, execution);
            return Set.of("Starting", "Running", "Stopping").contains(status) ? Optional.empty() : Optional.of(status);
        });
    }

    private static String status(Browser browser, long execution) {
        return row(browser, execution).findElement(By.className("job-status")).getText();
    }

    private static String parameter(Browser browser, long execution, String name) {
        browser.go("staff/jobs.xhtml");
        String parameters = row(browser, execution).findElement(By.className("job-parameters")).getText();
        Matcher value = Pattern.compile("(?:^|, )" + name + "=([^,]+)").matcher(parameters);
        assertThat(value.find()).as(parameters).isTrue();
        return value.group(1);
    }

    private static WebElement row(Browser browser, long execution) {
        return browser.all(By.cssSelector("tr.execution-row")).stream()
                .filter(tr -> tr.findElement(By.className("job-id")).getText().equals(Long.toString(execution)))
                .findFirst().orElseThrow(() -> new org.openqa.selenium.NoSuchElementException("no row of " + execution));
    }

    /** Polls the page (every 100 ms, up to {@code timeout}) until {@code condition} has a value. */
    private static <T> T until(Browser browser, Duration timeout, java.util.function.Supplier<Optional<T>> condition) {
        return new WebDriverWait(browser.driver(), timeout, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> condition.get().orElse(null));
    }

    /** The kinds of backup attempt of the tenant in the run, in the order they were made. */
    private static List<String> attemptsIn(TenantId tenant, String runKey) {
        List<Backups.Attempt> attempts = new ArrayList<>(Backups.attempts(tenant));
        java.util.Collections.reverse(attempts);
        return attempts.stream().filter(a -> a.runKey().equals(runKey)).map(Backups.Attempt::state).toList();
    }

    private static long count(String query, String parameter) throws Exception {
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG); PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The platform audit's lines of the kind, as "login: detail". */
    private static List<String> audit(String kind) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG); PreparedStatement s = c.prepareStatement(
                "select login, detail from platform_event where kind = ? order by id")) {
            s.setString(1, kind);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(r.getString(1) + ": " + r.getString(2));
                }
            }
        }
        return lines;
    }
}
