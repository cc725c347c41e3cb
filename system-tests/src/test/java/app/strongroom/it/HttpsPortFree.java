package app.strongroom.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Waits until the previous server of this test run has really gone: its process has exited (Arquillian's adapter does
 * not wait for that, and the data grid makes shutdown take a while) and the run's HTTPS port can be bound again.
 */
public class HttpsPortFree implements BeforeAllCallback {
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @Override
    public void beforeAll(ExtensionContext context) {
        await(TestPlatform.httpsPort());
    }

    public static void await(int port) {
        String settings = System.getProperty("strongroom.test.settingsFile");
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro") && c.contains(settings))
                        .orElse(false))
                .forEach(p -> {
                    try {
                        p.onExit().get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("the previous Payara Micro (pid " + p.pid() + ") did not exit", e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!free(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("port " + port + " is still taken after " + PATIENCE.toSeconds() + " s");
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    /**
     * Whether a server could listen on {@code port} now. With SO_REUSEADDR, as Grizzly binds its listeners: without it,
     * the connections the last server closed hold the port in TIME_WAIT for a minute after it has gone.
     */
    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
