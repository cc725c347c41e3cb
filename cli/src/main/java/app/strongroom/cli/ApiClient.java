package app.strongroom.cli;

import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The staff API over HTTPS with the JDK's client. Every request carries the token as a bearer token; an error answer
 * becomes a {@link CliException} with the server's own sentence and the exit code of its status.
 */
final class ApiClient {
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration ANSWER = Duration.ofSeconds(60);

    private final URI api;
    private final String token;
    private final HttpClient http;

    ApiClient(URI server, String token, SSLContext tls) {
        this.api = server.resolve("api/staff/");
        this.token = token;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(CONNECT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    <T> T get(String path, Class<T> type) {
        return send(request(path).GET().build(), type);
    }

    <T> T post(String path, Object body, Class<T> type) {
        String json = body == null ? "{}" : Json.JSONB.toJson(body);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), type);
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(ANSWER).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.UNREACHABLE, "interrupted while waiting for " + api.getHost());
        }
        if (response.statusCode() >= 400) {
            throw refusal(response);
        }
        if (response.statusCode() >= 300 || !response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            throw new CliException(ExitCodes.UNREACHABLE, "the server answered HTTP " + response.statusCode()
                    + " without the API's JSON: is " + api.resolve("/") + " a Strongroom server?");
        }
        try {
            return Json.JSONB.fromJson(response.body(), type);
        } catch (JsonbException e) {
            throw new CliException(ExitCodes.UNREACHABLE, "the server's answer is not what this tool understands: "
                    + e.getMessage(), e);
        }
    }

    private static CliException refusal(HttpResponse<String> response) {
        int status = response.statusCode();
        String said = "HTTP " + status;
        try {
            Json.Problem problem = Json.JSONB.fromJson(response.body(), Json.Problem.class);
            if (problem != null && problem.detail() != null) {
                said = problem.title() + " (HTTP " + status + "): " + problem.detail();
            }
        } catch (JsonbException notAProblem) {
            // Not the API's problem JSON (a proxy's page, say): the status alone says it.
        }
        return new CliException(ExitCodes.forStatus(status), said);
    }

    /** Why the server could not be asked, in words; TLS failures name their cause (a pin that does not match, say). */
    private CliException unreachable(IOException e) {
        String host = api.getHost() + (api.getPort() == -1 ? "" : ":" + api.getPort());
        Throwable tls = e;
        while (tls != null && !(tls instanceof SSLException)) {
            tls = tls.getCause();
        }
        if (tls != null) {
            return new CliException(ExitCodes.UNREACHABLE, "TLS with " + host + " failed: " + deepest(tls), e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new CliException(ExitCodes.UNREACHABLE, "cannot reach " + host + ": no answer within "
                    + CONNECT.toSeconds() + " s", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new CliException(ExitCodes.UNREACHABLE, host + " did not answer within " + ANSWER.toSeconds() + " s", e);
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return new CliException(ExitCodes.UNREACHABLE, "cannot reach " + host + ": connection refused", e);
        }
        if (e instanceof UnknownHostException || e.getCause() instanceof UnknownHostException) {
            return new CliException(ExitCodes.UNREACHABLE, "cannot reach " + host + ": unknown host", e);
        }
        return new CliException(ExitCodes.UNREACHABLE, "cannot reach " + host + ": " + deepest(e), e);
    }

    private static String deepest(Throwable e) {
        Throwable last = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                last = cause;
            }
        }
        return last.getMessage() != null ? last.getMessage() : last.getClass().getSimpleName();
    }
}
