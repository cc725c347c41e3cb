package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.launcher.DatabaseConnection;
import app.strongroom.launcher.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR as built, deployed on full Payara Server 6 (the distribution Maven fetched) in a domain of its own,
 * configured through environment variables only, then used over HTTPS: sign-up, sign-in, a contact.
 */
class EarOnPayaraServerIT {
    private static final String DOMAIN = "strongroom-it";
    private static final int PORT_BASE = 28000;
    private static final int HTTP_PORT = PORT_BASE + 80;
    private static final int HTTPS_PORT = PORT_BASE + 81;
    private static final String CATALOG = "strongroom_catalog_ear";

    private static Path payara;
    private static Path log;

    @BeforeAll
    static void deployTheEar() throws Exception {
        payara = Path.of(System.getProperty("payara.server.home"));
        log = Path.of(System.getProperty("strongroom.test.dir")).resolve("payara-server-asadmin.log");
        DatabaseConnection db = TestPlatform.database();
        Platform.ensureCatalogDatabase(db, CATALOG);
        asadmin(Map.of(), true, "delete-domain", DOMAIN);
        asadmin(Map.of(), false, "create-domain", "--nopassword=true", "--portbase", Integer.toString(PORT_BASE), DOMAIN);
        Map<String, String> environment = Map.ofEntries(
                Map.entry("STRONGROOM_DB_HOST", db.host()),
                Map.entry("STRONGROOM_DB_PORT", Integer.toString(db.port())),
                Map.entry("STRONGROOM_DB_ADMIN_USER", db.adminUser()),
                Map.entry("STRONGROOM_DB_ADMIN_PASSWORD", db.adminPassword()),
                Map.entry("STRONGROOM_CATALOG_DATABASE", CATALOG),
                Map.entry("STRONGROOM_MASTER_KEY", Base64.getEncoder().encodeToString(TestPlatform.masterKey())),
                Map.entry("STRONGROOM_PASSWORD_ITERATIONS", Integer.toString(TestPlatform.TEST_ITERATIONS)),
                Map.entry("STRONGROOM_PASSWORD_ALLOW_TEST_ITERATIONS", "true"),
                Map.entry("STRONGROOM_HTTPS_PORT", Integer.toString(HTTPS_PORT)),
                Map.entry("STRONGROOM_BACKUP_DIR", TestPlatform.directory().resolve("ear-backups").toString()),
                Map.entry("STRONGROOM_FILES_DIR", TestPlatform.directory().resolve("ear-files").toString()),
                Map.entry("STRONGROOM_BACKUP_SITES", String.join(",",
                        "ear-paris|Europe|file:" + TestPlatform.directory().resolve("ear-sites/paris"),
                        "ear-frankfurt|Europe|file:" + TestPlatform.directory().resolve("ear-sites/frankfurt"),
                        "ear-virginia|North America|file:" + TestPlatform.directory().resolve("ear-sites/virginia"))),
                Map.entry("STRONGROOM_OPERATOR_PASSWORD", TestPlatform.operatorPassword()));
        asadmin(environment, false, "start-domain", DOMAIN);
        asadmin(Map.of(), false, "--port", Integer.toString(PORT_BASE + 48), "deploy", "--name", "strongroom",
                System.getProperty("strongroom.ear"));
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        if (payara != null) {
            asadmin(Map.of(), true, "stop-domain", DOMAIN);
        }
    }

    @Test
    void theEarServesSignUpAndSignInOverHttpsAndKeepsContacts() {
        FacesClient plain = FacesClient.trustingAnyCertificate(URI.create("http://localhost:" + HTTP_PORT + "/"));
        HttpResponse<String> redirect = plain.get("signup.xhtml");
        assertThat(redirect.statusCode()).isEqualTo(308);
        assertThat(FacesClient.location(redirect)).isEqualTo("https://localhost:" + HTTPS_PORT + "/signup.xhtml");

        // Payara made the domain's certificate for this machine's host name; address the server by that name.
        FacesClient client = FacesClient.trustingAnyCertificate(URI.create("https://" + hostName() + ":" + HTTPS_PORT + "/"));
        String slug = Tenants.create(client, "ear");
        assertThat(Tenants.signIn(client, slug, "admin", "wrong password").body())
                .contains("Company, login or password is not right.");
        HttpResponse<String> signedIn = Tenants.signIn(client, slug, "admin", Tenants.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(FacesClient.location(signedIn)).endsWith("/app/contacts.xhtml");

        HttpResponse<String> saved = client.submit("app/contact.xhtml", "contact",
                Map.of("name", "Grace Hopper", "email", "grace@example.org", "city", "Arlington"), "save");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(client.follow("app/contacts.xhtml").body()).contains("Grace Hopper").contains("Arlington");

        // The batch module deploys as an EJB module of the EAR: its job reaches the EJB module's services.
        FacesClient operator = FacesClient.trustingAnyCertificate(URI.create("https://" + hostName() + ":" + HTTPS_PORT + "/"));
        assertThat(operator.submit("staff-login.xhtml", "staffSignin", Map.of("login", "operator",
                "password", TestPlatform.operatorPassword()), "submit").statusCode()).isEqualTo(302);
        Backups.pressOnRow(operator, slug, "backUpNow");
        String state = Backups.await(java.time.Duration.ofSeconds(120), () -> backupState(slug));
        assertThat(state).isEqualTo("GOOD");
    }

    private static java.util.Optional<String> backupState(String slug) {
        try (java.sql.Connection c = Tenants.superuser(CATALOG);
             java.sql.PreparedStatement s = c.prepareStatement("select b.state from backup b join tenant t "
                     + "on t.id = b.tenant_id where t.slug = ? and b.state <> 'RUNNING'")) {
            s.setString(1, slug);
            try (java.sql.ResultSet r = s.executeQuery()) {
                return r.next() ? java.util.Optional.of(r.getString(1)) : java.util.Optional.empty();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void asadmin(Map<String, String> environment, boolean mayFail, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(payara.resolve("bin/asadmin").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Files.createDirectories(log.getParent());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("asadmin " + String.join(" ", arguments) + " did not finish; see " + log);
        }
        if (process.exitValue() != 0 && !mayFail) {
            throw new AssertionError("asadmin " + String.join(" ", arguments) + " failed; see " + log + ":\n"
                    + Files.readString(log));
        }
    }
}
