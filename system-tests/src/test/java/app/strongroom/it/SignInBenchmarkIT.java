package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.identity.PasswordHasher;
import app.strongroom.launcher.DataGrid;
import app.strongroom.launcher.MicroServer;
import app.strongroom.launcher.SelfSignedCertificate;
import app.strongroom.launcher.StrongroomHome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, run on request (see the README): sign-in with the production iteration count (600,000) against the raw
 * PBKDF2 cost measured in this same run, on this same machine; throughput with two clients; and the cost of a sign-in
 * refused while locked, against a plain page load through the same stack. Excluded from {@code ./mvnw verify}.
 */
class SignInBenchmarkIT {
    private static final int ITERATIONS = PasswordHasher.DEFAULT_ITERATIONS;

    private static DataGrid benchGrid() {
        int port = TestPlatform.freePort();
        return DataGrid.onThisMachine("strongroom-bench-" + StrongroomHome.randomHex(6), List.of(port), port);
    }

    @Test
    void signInCostsLittleMoreThanTheHashAndALockedSignInCostsNoHash() throws Exception {
        int rounds = Integer.getInteger("bench.signins", 20);
        Path dir = Path.of(System.getProperty("strongroom.test.dir")).resolve("signin-bench");
        int https = TestPlatform.freePort();
        Path settings = TestPlatform.settings().put("strongroom.https-port", Integer.toString(https))
                .put("strongroom.password.iterations", Integer.toString(ITERATIONS))
                .put("strongroom.password.allow-test-iterations", "false")
                .writeTo(dir.resolve("micro.properties"));
        try (MicroServer server = MicroServer.start(new MicroServer.Options(
                Path.of(System.getProperty("payara.microJar")), Path.of(System.getProperty("strongroom.war")),
                TestPlatform.freePort(), https, TestPlatform.keyStore(), TestPlatform.KEYSTORE_PASSWORD.toCharArray(),
                SelfSignedCertificate.ALIAS, settings, TestPlatform.postBootCommands(dir.resolve("post-boot.asadmin")),
                benchGrid(), dir.resolve("server.log"), "1g"),
                Duration.ofMinutes(4))) {
            URI base = server.httpsUrl();
            String slug = Tenants.create(FacesClient.forTestServer(base), "bench");

            PasswordHasher hasher = new PasswordHasher(ITERATIONS);
            String stored = hasher.hash(Tenants.PASSWORD.toCharArray()).format();
            for (int i = 0; i < 3; i++) {
                hasher.verify(Tenants.PASSWORD.toCharArray(), stored);
                Tenants.signIn(FacesClient.from(base, "198.51.100.200"), slug, "admin", Tenants.PASSWORD);
            }
            double raw = median(rounds, () -> hasher.verify(Tenants.PASSWORD.toCharArray(), stored));
            double signIn = median(rounds, () -> assertThat(Tenants.signIn(FacesClient.from(base, "198.51.100.201"),
                    slug, "admin", Tenants.PASSWORD).statusCode()).isEqualTo(302));
            double page = median(rounds, () -> FacesClient.from(base, "198.51.100.202").get("login.xhtml"));

            ExecutorService two = Executors.newFixedThreadPool(2);
            long t0 = System.nanoTime();
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                String address = "198.51.100." + (10 + i);
                all.add(two.submit(() -> Tenants.signIn(FacesClient.from(base, address), slug, "admin", Tenants.PASSWORD)));
            }
            for (Future<?> f : all) {
                f.get();
            }
            double perSecond = rounds / ((System.nanoTime() - t0) / 1e9);
            two.shutdown();

            for (int i = 0; i < 10; i++) {
                Tenants.signIn(FacesClient.from(base, "203.0.113.250"), slug, "admin", "wrong");
            }
            long[] before = lockedRefusals(operatorOf(base));
            double locked = median(rounds * 5, () -> Tenants.signIn(FacesClient.from(base, "203.0.113.251"), slug,
                    "admin", Tenants.PASSWORD));
            // The POST alone, against a POST that Faces refuses before any service runs (empty password): the
            // difference is what the refusal of a locked login costs on the server.
            FacesClient poster = FacesClient.from(base, "203.0.113.252");
            double lockedPost = medianPost(rounds * 10, poster, slug, Tenants.PASSWORD);
            double invalidPost = medianPost(rounds * 10, poster, slug, "");
            long[] after = lockedRefusals(operatorOf(base));
            double serviceMicros = (after[1] - before[1]) / 1000.0 / (after[0] - before[0]);

            String report = String.format(Locale.ROOT, """
                    # Sign-in benchmark (PBKDF2-HMAC-SHA512, %d iterations, %d rounds, medians)

                    - raw PBKDF2 verification in the test JVM (baseline): %.1f ms
                    - sign-in through the form (GET the page, POST, redirect): %.1f ms = %.2fx the raw hash
                    - the same form's page load alone (HTTP, TLS, Faces, no hash): %.1f ms
                    - sign-in minus raw hash minus page load: %.1f ms = %.1f%% of the raw hash (target under 10%%; a
                      negative figure means the server's warmed-up PBKDF2 beat the test JVM's, i.e. noise)
                    - throughput with two clients on two cores: %.2f sign-ins/s (raw hash bound: %.2f/s)
                    - sign-in refused while the login is locked: %.1f ms, i.e. %.1f ms over the page load (no hash)
                    - its POST alone: %.2f ms, against %.2f ms for a POST Faces refuses before any service runs
                      (empty password): %.2f ms more, for the whole refused sign-in (Jakarta Security, session,
                      throttle, page with its message)
                    - inside the sign-in service (the server's own count, %d locked refusals): %.0f µs each on average
                      (target under 1 ms)
                    """, ITERATIONS, rounds, raw, signIn, signIn / raw, page, signIn - raw - page,
                    100 * (signIn - raw - page) / raw, perSecond, 2000 / raw, locked, locked - page,
                    lockedPost, invalidPost, lockedPost - invalidPost, after[0] - before[0], serviceMicros);
            Path file = Path.of(System.getProperty("strongroom.test.dir")).getParent().resolve("bench/signin.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
            System.out.println(report);
        }
    }

    private static FacesClient operatorOf(URI base) {
        FacesClient operator = FacesClient.from(base, "198.18.0.9");
        assertThat(operator.submit("staff-login.xhtml", "staffSignin", java.util.Map.of("login", "operator",
                "password", TestPlatform.operatorPassword()), "submit").statusCode()).isEqualTo(302);
        return operator;
    }

    /** The staff status page's count of locked refusals and the nanoseconds the service spent on them. */
    private static long[] lockedRefusals(FacesClient operator) {
        return new long[] {StatusPage.figure(operator, "lockedRefusals"), StatusPage.figure(operator, "lockedRefusalNanos")};
    }


    /** Median time of the sign-in POST alone (the page it posts from is loaded untimed before each). */
    private static double medianPost(int rounds, FacesClient client, String slug, String password) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            java.net.http.HttpResponse<String> page = client.follow("login.xhtml");
            long t0 = System.nanoTime();
            String body = client.submitFrom(page, "signin", java.util.Map.of("tenant", slug, "login", "admin",
                    "password", password), "submit").body();
            millis.add((System.nanoTime() - t0) / 1e6);
            assertThat(body).contains(password.isEmpty() ? "is required" : "Company, login or password is not right.");
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }

    private static double median(int rounds, Runnable action) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            action.run();
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }
}
