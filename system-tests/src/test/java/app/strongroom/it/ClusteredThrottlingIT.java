package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.launcher.DataGrid;
import app.strongroom.launcher.MicroServer;
import app.strongroom.launcher.SelfSignedCertificate;
import app.strongroom.launcher.StrongroomHome;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro instances of one cluster, on one machine, sharing the database: a lock made through one refuses
 * sign-in on the other without a hash there, and an unlock through the other frees the login on the first (P3's
 * "state shared by all server instances").
 */
class ClusteredThrottlingIT {
    private static final String FAILED = "Company, login or password is not right.";

    private static MicroServer first;
    private static MicroServer second;

    @BeforeAll
    static void startTwoInstances() {
        Path dir = Path.of(System.getProperty("strongroom.test.dir")).resolve("cluster");
        String cluster = "strongroom-cluster-" + StrongroomHome.randomHex(6);
        List<Integer> gridPorts = List.of(TestPlatform.freePort(), TestPlatform.freePort());
        // One after the other: the second must find the catalog and templates already migrated by the first.
        first = start(dir.resolve("first"), DataGrid.onThisMachine(cluster, gridPorts, gridPorts.get(0)));
        second = start(dir.resolve("second"), DataGrid.onThisMachine(cluster, gridPorts, gridPorts.get(1)));
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static MicroServer start(Path dir, DataGrid grid) {
        int http = TestPlatform.freePort();
        int https = TestPlatform.freePort();
        Path settings = TestPlatform.settings().put("strongroom.https-port", Integer.toString(https))
                .writeTo(dir.resolve("micro.properties"));
        return MicroServer.start(new MicroServer.Options(Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("strongroom.war")), http, https, TestPlatform.keyStore(),
                TestPlatform.KEYSTORE_PASSWORD.toCharArray(), SelfSignedCertificate.ALIAS, settings,
                TestPlatform.postBootCommands(dir.resolve("post-boot.asadmin")), grid, dir.resolve("server.log"),
                "768m"), Duration.ofMinutes(4));
    }

    @Test
    void aLockMadeThroughOneInstanceRefusesSignInOnTheOtherWithoutAHash() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(first.httpsUrl()), "cluster");
        for (int i = 0; i < 10; i++) {
            assertThat(signIn(first.httpsUrl(), "203.0.113.40", slug, "wrong").body()).contains(FAILED);
        }

        FacesClient operator = FacesClient.from(second.httpsUrl(), "198.18.0.2");
        assertThat(operator.submit("staff-login.xhtml", "staffSignin",
                Map.of("login", "operator", "password", TestPlatform.operatorPassword()), "submit").statusCode())
                .isEqualTo(302);
        long before = derivations(operator);
        assertThat(signIn(second.httpsUrl(), "203.0.113.41", slug, Tenants.PASSWORD).body())
                .as("locked through the first instance, refused by the second").contains(FAILED);
        assertThat(derivations(operator)).as("no hash computed on the second").isEqualTo(before);

        Tenants.addAdministrator(Tenants.idOf(slug).orElseThrow(), "boss");
        FacesClient boss = FacesClient.from(second.httpsUrl(), "192.0.2.80");
        assertThat(Tenants.signIn(boss, slug, "boss", Tenants.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(boss.submit("app/admin/security.xhtml", "locked", Map.of(), "table:0:unlock").body())
                .contains("Login \"admin\" is unlocked.");
        assertThat(signIn(first.httpsUrl(), "203.0.113.42", slug, Tenants.PASSWORD).statusCode())
                .as("unlocked through the second instance, the first lets the login in").isEqualTo(302);

        for (String instance : List.of("first", "second")) {
            String log = Files.readString(Path.of(System.getProperty("strongroom.test.dir"))
                    .resolve("cluster").resolve(instance).resolve("server.log"));
            assertThat(log).as("server log of the %s instance", instance).contains("Strongroom platform ready")
                    .doesNotContain(Tenants.PASSWORD).doesNotContain("$pbkdf2-sha512$")
                    .doesNotContain(TestPlatform.operatorPassword());
        }
    }

    private static HttpResponse<String> signIn(URI base, String address, String slug, String password) {
        return Tenants.signIn(FacesClient.from(base, address), slug, "admin", password);
    }

    private static long derivations(FacesClient operator) {
        return StatusPage.figure(operator, "derivations");
    }
}
