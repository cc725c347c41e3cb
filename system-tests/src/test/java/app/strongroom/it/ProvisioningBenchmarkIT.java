package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, run on request (see the README): signs up {@code bench.tenants} tenants through the real sign-up form
 * and reports time per tenant against a baseline measured in the same run (a bare CREATE DATABASE from the template,
 * PostgreSQL's own floor), then the catalog's size, open connections and the server's heap. Excluded from
 * {@code ./mvnw verify}; its only assertion is that every sign-up worked.
 */
@OnStrongroom
@RunAsClient
class ProvisioningBenchmarkIT {
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+K)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @Test
    void provisionManyTenants() throws Exception {
        int tenants = Integer.getInteger("bench.tenants", 1000);
        URI base = URI.create("https://localhost:" + TestPlatform.httpsPort() + "/");
        double baselineMillis = bareCreateDatabaseMillis(Math.min(20, tenants));

        List<Double> millis = new ArrayList<>();
        String prefix = "bench" + Long.toString(System.nanoTime() % 100000, 36);
        long started = System.nanoTime();
        for (int i = 0; i < tenants; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = Tenants.signUp(FacesClient.forTestServer(base), prefix + "-" + i, "admin",
                    Tenants.PASSWORD);
            millis.add((System.nanoTime() - t0) / 1e6);
            assertThat(answer.statusCode()).as("sign-up %d", i).isEqualTo(302);
        }
        double totalSeconds = (System.nanoTime() - started) / 1e9;
        int connectionsAfterSignUp = connections();
        for (int i = 0; i < Math.min(50, tenants); i++) {
            int pick = (int) ((long) i * 7919 % tenants);
            assertThat(Tenants.signIn(FacesClient.forTestServer(base), prefix + "-" + pick, "admin", Tenants.PASSWORD)
                    .statusCode()).isEqualTo(302);
        }
        int connectionsAfterSignIns = connections();
        long idleStart = System.nanoTime();
        int connectionsWhenIdle = connectionsAfterSignIns;
        while (connectionsWhenIdle > 0 && System.nanoTime() - idleStart < 120_000_000_000L) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
            connectionsWhenIdle = connections();
        }
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;

        Collections.sort(millis);
        double mean = millis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        StringBuilder report = new StringBuilder()
                .append("# Provisioning benchmark\n\n")
                .append(String.format(Locale.ROOT, "- tenants signed up: %d in %.1f s%n", tenants, totalSeconds))
                .append(String.format(Locale.ROOT, "- baseline, bare CREATE DATABASE ... TEMPLATE over JDBC: %.1f ms%n",
                        baselineMillis))
                .append(String.format(Locale.ROOT,
                        "- sign-up through the form (HTTP, hash, catalog, role, database, grants, first admin):"
                                + " mean %.1f ms (%.1fx baseline), median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                        mean, mean / baselineMillis, percentile(millis, 50), percentile(millis, 95),
                        millis.get(millis.size() - 1)))
                .append(String.format(Locale.ROOT, "- catalog database size: %s; tenant databases: %d%n",
                        scalar("select pg_size_pretty(pg_database_size('" + TestPlatform.CATALOG + "'))"),
                        Integer.parseInt(scalar("select count(*) from pg_database where datname like 'tenant\\_%'"))))
                .append(String.format(Locale.ROOT, "- open connections to tenant databases: %d right after the sign-ups, "
                        + "%d after 50 sign-ins, %d once idle (%.0f s later; the pools close idle connections)%n",
                        connectionsAfterSignUp, connectionsAfterSignIns, connectionsWhenIdle, idleSeconds))
                .append(String.format(Locale.ROOT, "- server heap after a full GC: %s%n", serverHeap()));
        Path file = Path.of(System.getProperty("strongroom.test.dir")).getParent().resolve("bench/provisioning.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println(report);
    }

    private static double bareCreateDatabaseMillis(int samples) throws SQLException {
        List<Double> millis = new ArrayList<>();
        try (Connection su = Tenants.superuser("postgres"); Statement s = su.createStatement()) {
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                s.execute("create database bench_baseline template " + TenantDatabase.TEMPLATE);
                millis.add((System.nanoTime() - t0) / 1e6);
                s.execute("drop database bench_baseline");
            }
        }
        Collections.sort(millis);
        return percentile(millis, 50);
    }

    private static int connections() throws SQLException {
        return Integer.parseInt(scalar("select count(*) from pg_stat_activity where datname like 'tenant\\_%'"));
    }

    private static String scalar(String query) throws SQLException {
        try (Connection su = Tenants.superuser("postgres"); Statement s = su.createStatement();
             ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }

    /** Asks the JDK's jcmd for the heap of the Payara Micro process that serves this test run. */
    private static String serverHeap() {
        String settings = System.getProperty("strongroom.test.settingsFile");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro") && c.contains(settings))
                        .orElse(false))
                .findFirst()
                .map(p -> jcmd(p.pid()))
                .orElse("not reported (server process not found)");
    }

    private static String jcmd(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            run(jcmd.toString(), Long.toString(pid), "GC.run");
            String info = run(jcmd.toString(), Long.toString(pid), "GC.heap_info");
            Matcher used = HEAP_USED.matcher(info);
            return used.find() ? used.group(1) + " used" : "not reported (" + info.strip() + ")";
        } catch (IOException | InterruptedException e) {
            return "not reported (" + e.getMessage() + ")";
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
