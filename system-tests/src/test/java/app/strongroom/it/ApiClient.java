package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client of the JSON APIs (java.net.http, no cookies, trusting the test certificate): what a script with
 * a staff token or a tenant API key sends, and the checks every problem answer must pass.
 */
final class ApiClient {
    private final URI base;
    private final HttpClient http;
    private final Map<String, String> headers;

    private ApiClient(URI base, HttpClient http, Map<String, String> headers) {
        this.base = base;
        this.http = http;
        this.headers = Map.copyOf(headers);
    }

    /** How the keys page shows a key it has just made, the only time it is shown. */
    static final Pattern NEW_KEY = Pattern.compile(
            "id=\"newKey\" class=\"token\">(srk_[0-9a-f]{32}_[A-Za-z0-9_-]{43})<");

    /** A key {@code user} makes on the keys page, for seven days; its text. */
    static String newKey(FacesClient user, String name, String scope) {
        return keyIn(user.submit("app/keys.xhtml", "keys", Map.of("name", name, "scope_input", scope, "days", "7"),
                "create"));
    }

    static String keyIn(HttpResponse<String> answer) {
        Matcher key = NEW_KEY.matcher(answer.body());
        assertThat(key.find()).as(answer.body()).isTrue();
        return key.group(1);
    }

    static ApiClient of(URI base) {
        return new ApiClient(base, app.strongroom.launcher.MicroServer.trustingOnly(TestPlatform.keyStore(),
                TestPlatform.KEYSTORE_PASSWORD.toCharArray()), Map.of());
    }

    /** The same client, sending {@code Authorization: Bearer <credential>} with every request. */
    ApiClient bearer(String credential) {
        return with("Authorization", "Bearer " + credential);
    }

    /**
     * The same client, appearing to come from {@code address} (X-Forwarded-For, believed from the loopback address by
     * the test platform), so the refusals a test provokes count against an address of its own.
     */
    ApiClient from(String address) {
        return with("X-Forwarded-For", address);
    }

    ApiClient with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(base, http, more);
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** {@code method} with a JSON body (none when null). */
    HttpResponse<String> json(String method, String path, String body) {
        return send(method, path, body, body == null ? Map.of() : Map.of("Content-Type", "application/json"));
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> extra) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        extra.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code method} with a JSON body the client streams without declaring its length (chunked). */
    HttpResponse<String> chunked(String method, String path, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code head} (an HTTP/1.1 request's lines, without the blank line that ends them) and the client's headers
     * on a TLS socket of its own, then a few bytes of body whatever length the head declares, and returns the answer's
     * text: for what java.net.http will not send, such as a declared length the body does not have.
     */
    String raw(String head) {
        StringBuilder request = new StringBuilder(head).append("\r\nHost: ").append(base.getHost()).append(':')
                .append(base.getPort());
        headers.forEach((name, value) -> request.append("\r\n").append(name).append(": ").append(value));
        request.append("\r\nConnection: close\r\n\r\n{\"name\": ");
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) http.sslContext().getSocketFactory()
                .createSocket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] answer = new byte[16_384];
            int length = 0;
            for (int n; length < answer.length && (n = socket.getInputStream().read(answer, length,
                    answer.length - length)) > 0; ) {
                length += n;
                String text = new String(answer, 0, length, java.nio.charset.StandardCharsets.UTF_8);
                if (text.contains("\r\n\r\n") && text.contains("}")) {
                    break;
                }
            }
            return new String(answer, 0, length, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A problem (RFC 9457) of {@code type} with {@code status}, saying nothing of the server's insides. */
    static void assertProblem(HttpResponse<String> answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(answer.uri().toString())
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(answer.body()).as(answer.uri().toString()).contains("\"type\":\"" + type + "\"")
                .contains("\"status\":" + status).contains("\"title\":\"").contains("\"detail\":\"")
                .doesNotContain("<html").doesNotContain("Exception").doesNotContain("\tat ");
    }
}
