package app.strongroom.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TLS handshake made by OpenSSL's {@code s_client}, which, unlike the JDK's client, can still offer TLS 1.1 and
 * weak suites, as an attacker's client would.
 */
public final class TlsHandshake {
    private static final Pattern NEGOTIATED = Pattern.compile("New, (TLSv[0-9.]+), Cipher is (\\S+)");

    private TlsHandshake() {
    }

    /** The protocol and cipher the server agreed to, or empty when it refused the handshake. */
    public static Optional<String> negotiate(int port, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "localhost:" + port));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write("Q\n".getBytes(StandardCharsets.US_ASCII));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl s_client did not finish");
        }
        Matcher negotiated = NEGOTIATED.matcher(out);
        return negotiated.find() ? Optional.of(negotiated.group(1) + " " + negotiated.group(2)) : Optional.empty();
    }
}
