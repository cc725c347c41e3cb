package app.strongroom.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Payara Micro running the Strongroom WAR in a child process, reachable over HTTPS once {@link #start} returns. */
public final class MicroServer implements AutoCloseable {
    /** What to start: runtime, application, ports, TLS key store and the settings file. */
    public record Options(Path microJar, Path war, int httpPort, int httpsPort, Path keyStore, char[] keyStorePassword,
                          String certificateAlias, Path settingsFile, Path postBootCommands, DataGrid dataGrid,
                          Path logFile, String maxHeap) {
    }

    private final Process process;
    private final Options options;
    /** Where this start's part of the (appended) log begins. */
    private final long logStart;
    private final HttpClient client;

    private MicroServer(Process process, Options options, HttpClient client, long logStart) {
        this.process = process;
        this.logStart = logStart;
        this.options = options;
        this.client = client;
    }

    public static MicroServer start(Options options, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.maxHeap(),
                "-jar", options.microJar().toString(),
                "--deploy", options.war().toString(),
                "--contextroot", "/",
                "--port", Integer.toString(options.httpPort()),
                "--sslPort", Integer.toString(options.httpsPort()),
                "--sslCert", options.certificateAlias(),
                "--systemProperties", options.settingsFile().toString(),
                "--prebootcommandfile", TlsPolicy.writeCommandFile(options.postBootCommands()
                        .resolveSibling("pre-boot.asadmin")).toString(),
                "--postbootcommandfile", options.postBootCommands().toString(),
                "--addlibs", PostBootCommands.postgresDriver().toString()));
        command.addAll(options.dataGrid().microOptions());
        try {
            Files.createDirectories(options.logFile().getParent());
            long logStart = Files.exists(options.logFile()) ? Files.size(options.logFile()) : 0;
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(options.logFile().toFile()))
                    .start();
            MicroServer server = new MicroServer(process, options, trustingOnly(options.keyStore(),
                    options.keyStorePassword()), logStart);
            server.awaitReady(timeout);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Payara Micro", e);
        }
    }

    /** An HTTP client that trusts exactly the certificate in the server's key store, and nothing else. */
    public static HttpClient trustingOnly(Path keyStore, char[] password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key store " + keyStore, e);
        }
    }

    public URI httpsUrl() {
        return URI.create("https://localhost:" + options.httpsPort() + "/");
    }

    public URI httpUrl() {
        return URI.create("http://localhost:" + options.httpPort() + "/");
    }

    public HttpClient client() {
        return client;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(httpsUrl().resolve("index.xhtml")).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped during start; see " + options.logFile());
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                deploymentFailure().ifPresent(cause -> {
                    close();
                    throw new IllegalStateException("Payara Micro started but Strongroom failed to deploy: " + cause
                            + "\nsee " + options.logFile());
                });
            } catch (IOException notYet) {
                // The listener is not bound yet; poll again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                process.waitFor(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("Strongroom did not answer on " + httpsUrl() + " in " + timeout.toSeconds()
                + " s; see " + options.logFile());
    }

    /**
     * The first cause Payara logged for a failed deployment, if it did: the server then runs on without the
     * application, so waiting longer would only delay the message.
     */
    private Optional<String> deploymentFailure() {
        List<String> log;
        try (InputStream in = Files.newInputStream(options.logFile())) {
            in.skipNBytes(logStart);
            log = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        String cause = null;
        for (int i = 0; i < log.size(); i++) {
            String line = log.get(i);
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
                if (i + 1 < log.size() && !log.get(i + 1).isBlank() && !log.get(i + 1).startsWith("\t")) {
                    cause += " (" + log.get(i + 1).strip() + ")";
                }
            } else if (line.contains("Exception while loading the app")) {
                return Optional.of(cause == null ? "exception while loading the application" : cause);
            }
        }
        return Optional.empty();
    }

    /** Kills the process outright (SIGKILL), as a power cut would: nothing gets to clean up. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks Payara Micro to shut down (SIGTERM), and kills it if it has not stopped within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
