package app.strongroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pin against real TLS: a key store made by the JDK's keytool, served by the JDK's HTTPS server, which records
 * what reached it. The server stands for nothing of Strongroom but its TLS endpoint (CliIT runs against the real one).
 */
class PinTest {
    private static final String TOKEN = "srs_" + "B".repeat(43);
    private static final char[] PASSWORD = "test-pass".toCharArray();

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static X509Certificate certificate;
    private static Path keyStore;
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void serveTls() throws Exception {
        keyStore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(said).isZero();
        KeyStore store = KeyStore.getInstance(keyStore.toFile(), PASSWORD);
        certificate = (X509Certificate) store.getCertificate("server");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        // Every loopback address, so a second one (127.0.0.2) reaches it under a name its certificate lacks.
        server = HttpsServer.create(new InetSocketAddress(0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"tenant\":\"acme\",\"backups\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aPinIsTheBase64Sha256OfThePublicKeyInfo() throws Exception {
        String expected = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(certificate.getPublicKey().getEncoded()));
        assertThat(Pin.of(certificate)).hasToString("sha256/" + expected);
        assertThat(Pin.parse(expected)).isEqualTo(Pin.of(certificate));
        assertThat(Pin.parse("sha256/" + expected)).isEqualTo(Pin.of(certificate));
        assertThat(Pin.parse("sha256//" + expected)).as("curl's spelling").isEqualTo(Pin.of(certificate));
        assertThat(Pin.parse(" " + expected + "\n")).isEqualTo(Pin.of(certificate));
        assertThatThrownBy(() -> Pin.parse(expected.substring(4))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pin.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDigestWhoseBase64BeginsWithASlashReadsBackInEverySpelling() {
        byte[] digest = new byte[32];
        digest[0] = (byte) 0xFC; // six one-bits: base64's '/'
        digest[31] = 7;
        Pin pin = new Pin(digest);
        String base64 = Base64.getEncoder().encodeToString(digest);
        assertThat(base64).startsWith("/");
        assertThat(Pin.parse(pin.toString())).isEqualTo(pin);
        assertThat(Pin.parse(base64)).isEqualTo(pin);
        assertThat(Pin.parse("sha256//" + base64)).as("curl's spelling").isEqualTo(pin);
        assertThat(Pin.parse("SHA256/" + base64)).isEqualTo(pin);
    }

    @Test
    void theTrustManagerAcceptsThePinnedKeyAloneAndSaysWhatItSawOtherwise() {
        PinnedTrustManager right = new PinnedTrustManager(Pin.of(certificate));
        org.assertj.core.api.Assertions.assertThatCode(() -> right.checkServerTrusted(
                new X509Certificate[] {certificate}, "ECDHE_ECDSA")).doesNotThrowAnyException();
        Pin other = new Pin(new byte[32]);
        assertThatThrownBy(() -> new PinnedTrustManager(other).checkServerTrusted(new X509Certificate[] {certificate},
                "ECDHE_ECDSA")).isInstanceOf(CertificateException.class)
                .hasMessageContaining(Pin.of(certificate).toString()).hasMessageContaining("not the pinned " + other);
        assertThatThrownBy(() -> right.checkServerTrusted(new X509Certificate[0], "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> right.checkClientTrusted(new X509Certificate[] {certificate}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void withTheRightPinTheRequestGoesOutWithItsBearerToken() {
        AUTHORIZATIONS.clear();
        Cli run = Cli.run(Map.of("STRONGROOM_TOKEN", TOKEN), "backups", "list", "--tenant", "acme",
                "--server", address(), "--pin-sha256", Pin.of(certificate).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 kept backup(s) of acme");
        assertThat(AUTHORIZATIONS).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void aWrongPinEndsTheHandshakeBeforeTheTokenIsSent() {
        AUTHORIZATIONS.clear();
        Pin wrong = new Pin(new byte[32]);
        Cli run = Cli.run(Map.of("STRONGROOM_TOKEN", TOKEN), "backups", "list", "--tenant", "acme",
                "--server", address(), "--pin-sha256", wrong.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.err()).contains("TLS with 127.0.0.1").contains("not the pinned " + wrong)
                .contains(Pin.of(certificate).toString());
        assertThat(AUTHORIZATIONS).as("no request reached the server").isEmpty();
    }

    @Test
    void withoutAPinOrTrustStoreTheJdksAuthoritiesRefuseASelfSignedServer() {
        AUTHORIZATIONS.clear();
        Cli run = Cli.run(Map.of("STRONGROOM_TOKEN", TOKEN), "backups", "list", "--tenant", "acme", "--server", address());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.err()).contains("TLS with 127.0.0.1");
        assertThat(AUTHORIZATIONS).isEmpty();
    }

    @Test
    void aTrustStoreHoldingTheServersCertificateIsTrustedWithItsNameChecked() throws Exception {
        Path trust = dir.resolve("trust.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server", certificate);
        try (OutputStream out = java.nio.file.Files.newOutputStream(trust)) {
            store.store(out, "trust-pass".toCharArray());
        }
        AUTHORIZATIONS.clear();
        Cli run = Cli.run(Map.of("STRONGROOM_TOKEN", TOKEN), "backups", "list", "--tenant", "acme", "--server", address(),
                "--trust-store", trust.toString(), "--trust-store-password", "trust-pass");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(AUTHORIZATIONS).hasSize(1);
        Cli wrongName = Cli.run(Map.of("STRONGROOM_TOKEN", TOKEN), "backups", "list", "--tenant", "acme", "--server",
                "https://127.0.0.2:" + server.getAddress().getPort() + "/", "--trust-store", trust.toString(),
                "--trust-store-password", "trust-pass");
        assertThat(wrongName.exitCode()).as("127.0.0.2 is not a name in the certificate")
                .isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(wrongName.err()).contains("TLS with 127.0.0.2");
        assertThat(AUTHORIZATIONS).hasSize(1);
    }

    private static String address() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

}
