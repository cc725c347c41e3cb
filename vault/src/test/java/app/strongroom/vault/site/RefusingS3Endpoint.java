package app.strongroom.vault.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP endpoint that refuses every request as S3 refuses bad credentials: 403 with S3's XML error body (none for a
 * HEAD, as S3 sends none). S3Mock accepts any credentials, so this is how tests see the SDK meet a real refusal on
 * the wire. It keeps the Authorization headers it was sent, to show which access key was used.
 */
public final class RefusingS3Endpoint implements AutoCloseable {
    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    /** Refuses with {@code code} ("InvalidAccessKeyId", "SignatureDoesNotMatch") and {@code message}. */
    public RefusingS3Endpoint(String code, String message) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> refuse(exchange, body));
        server.start();
    }

    private void refuse(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            request.transferTo(OutputStream.nullOutputStream());
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.getResponseHeaders().set("x-amz-request-id", "4442587FB7D0A2F9");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The Authorization headers received, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
