package app.strongroom.vault.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Adobe S3Mock, a real S3 server, run as a separate process from its executable jar for tests: {@link #start()}
 * returns once it answers on {@link #endpoint()} (plain http on a free loopback port), with the buckets given to the
 * constructor already there; {@link #stop()} ends it and every process it started. Its output goes to
 * {@code <work>/s3mock-<port>.log}.
 *
 * <p>The jar is found through the system property {@value #JAR_PROPERTY} (the vault module's build copies it to
 * {@code target/s3mock/s3mock-exec.jar} and sets the property for its tests), the working directory through
 * {@value #WORK_PROPERTY} (else {@code target/s3mock}). S3Mock accepts any credentials; {@link #location} uses
 * dummy ones so that the AWS default chain is never consulted.
 */
public final class S3MockServer implements AutoCloseable {
    public static final String JAR_PROPERTY = "s3mock.jar";
    public static final String WORK_PROPERTY = "s3mock.work";
    /** S3Mock's only region; it signs nothing, but the SDK wants one. */
    public static final String REGION = "us-east-1";
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration SHUTDOWN = Duration.ofSeconds(15);
    private static final int TRIES = 3;

    private final List<String> buckets;
    private final Path jar;
    private final Path work;
    private Process process;
    private Thread killer;
    private int port;
    private Path log;
    private Path data;
    private boolean downKeepingData;

    public S3MockServer(String... initialBuckets) {
        this.buckets = List.of(initialBuckets);
        this.jar = Path.of(System.getProperty(JAR_PROPERTY, "target/s3mock/s3mock-exec.jar")).toAbsolutePath();
        this.work = Path.of(System.getProperty(WORK_PROPERTY, "target/s3mock")).toAbsolutePath();
    }

    /** A started server with these buckets. */
    public static S3MockServer started(String... initialBuckets) {
        S3MockServer server = new S3MockServer(initialBuckets);
        server.start();
        return server;
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock's jar is not at " + jar + ": run the tests through Maven, whose"
                    + " vault build copies it there, or point -D" + JAR_PROPERTY + "= at s3mock-<version>-exec.jar");
        }
        IllegalStateException failed = null;
        // Another process may take a free port between the moment it is chosen and S3Mock binding it.
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            try {
                launch();
                return;
            } catch (IllegalStateException e) {
                if (failed != null) {
                    e.addSuppressed(failed);
                }
                failed = e;
                stop();
                if (!logText().contains("already in use")) {
                    break;
                }
            }
        }
        throw failed;
    }

    private void launch() {
        try {
            Files.createDirectories(work);
            int httpsPort = freePort();
            if (!downKeepingData) {
                port = freePort();
                data = work.resolve("data-" + port);
            }
            downKeepingData = false;
            log = work.resolve("s3mock-" + port + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Small: the tests' objects are streamed through temporary files. The full JIT stays on: a
                    // server's pass over hundreds of tenants keeps it busy for minutes.
                    "-Xmx384m", "-XX:+UseSerialGC",
                    "-jar", jar.toString(),
                    "--server.port=" + httpsPort,
                    "--server.address=127.0.0.1",
                    "--http.port=" + port,
                    "--com.adobe.testing.s3mock.store.root=" + data,
                    // Kept when the process ends, so takeDown() and start() make an outage, not a new server.
                    "--com.adobe.testing.s3mock.store.retain-files-on-exit=true",
                    "--logging.level.root=WARN",
                    "--spring.main.banner-mode=off"));
            if (!buckets.isEmpty()) {
                command.add("--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets));
            }
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Mock from " + jar, e);
        }
        Process started = process;
        killer = new Thread(() -> kill(started), "s3mock-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        awaitAnswer();
    }

    private void awaitAnswer() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest listBuckets = HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock ended with exit code " + process.exitValue()
                        + " before answering; its log " + log + " ends with:\n" + tail());
            }
            try {
                if (http.send(listBuckets, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for S3Mock", e);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("S3Mock did not answer at " + endpoint() + " within " + STARTUP.toSeconds()
                + " s; its log " + log + " ends with:\n" + tail());
    }

    /** Where it answers S3 requests: plain http on the loopback. */
    public URI endpoint() {
        if (port == 0) {
            throw new IllegalStateException("S3Mock was not started");
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The server's output, for a test that wants to show it. */
    public Optional<Path> log() {
        return Optional.ofNullable(log);
    }

    /** A site in {@code bucket} here, under {@code prefix}, path-style as a self-hosted service is addressed. */
    public S3SiteLocation location(String bucket, String prefix) {
        return new S3SiteLocation(Optional.of(endpoint()), bucket, prefix, REGION, true,
                Optional.of(new S3Credentials("s3mock-access-key", "s3mock-secret-key")));
    }

    /**
     * Ends the server as an outage would: what it holds is kept, and the next {@link #start()} brings it back at the
     * same endpoint with the same objects.
     */
    public synchronized void takeDown() {
        if (process == null) {
            return;
        }
        kill(process);
        removeKiller();
        process = null;
        downKeepingData = true;
    }

    public synchronized void stop() {
        downKeepingData = false;
        if (process == null) {
            deleteData();
            return;
        }
        kill(process);
        removeKiller();
        process = null;
        deleteData();
    }

    private void removeKiller() {
        if (killer != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it kills what is already dead.
            }
            killer = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The process and all it started: first asked to end (S3Mock then removes its files), then forced. */
    private static void kill(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void deleteData() {
        if (data == null || !Files.exists(data)) {
            return;
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove S3Mock's data in " + data, e);
        }
    }

    private String logText() {
        try {
            return log == null || !Files.exists(log) ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String tail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for S3Mock", e);
        }
    }
}
