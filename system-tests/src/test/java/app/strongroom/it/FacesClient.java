package app.strongroom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A plain HTTP client that fills and submits Faces forms the way a browser would (session cookie, view state,
 * the button's name), for tests that need many requests or exact status codes and headers.
 */
public final class FacesClient {
    private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");
    private static final String CSP_NONCE = "primefaces.nonce";
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;
    private final String forwardedFor;
    private final Map<String, String> extraHeaders;

    private FacesClient(URI base, HttpClient http) {
        this(base, http, null, Map.of());
    }

    private FacesClient(URI base, HttpClient http, String forwardedFor, Map<String, String> extraHeaders) {
        this.base = base;
        this.http = http;
        this.forwardedFor = forwardedFor;
        this.extraHeaders = Map.copyOf(extraHeaders);
    }

    /**
     * A client with a session of its own that appears to come from {@code address}: it sends X-Forwarded-For, which the
     * server believes because the test platform lists the loopback address as a trusted proxy.
     */
    public static FacesClient from(URI base, String address) {
        FacesClient plain = forTestServer(base);
        return new FacesClient(base, plain.http, address, Map.of());
    }

    /** Trusts exactly the certificate the test platform made for the servers under test. */
    public static FacesClient forTestServer(URI base) {
        return forTestServer(base, HttpClient.Version.HTTP_2);
    }

    /**
     * The same, speaking the given HTTP version: HTTP/2 (over TLS, as browsers do) or HTTP/1.1, which scanners and
     * proxies use and on which the server writes its headers by other code.
     */
    public static FacesClient forTestServer(URI base, HttpClient.Version version) {
        HttpClient pinned = app.strongroom.launcher.MicroServer.trustingOnly(TestPlatform.keyStore(),
                TestPlatform.KEYSTORE_PASSWORD.toCharArray());
        return new FacesClient(base, HttpClient.newBuilder().sslContext(pinned.sslContext()).version(version)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** For Payara Server's own generated certificate, which this test did not make: any certificate is accepted. */
    public static FacesClient trustingAnyCertificate(URI base) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return new FacesClient(base, HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same client (same cookies, same trust) whose requests appear to come from {@code address}. */
    public FacesClient from(String address) {
        return new FacesClient(base, http, address, extraHeaders);
    }

    /** The same client, sending {@code name: value} with every request (an Origin a browser would send, say). */
    public FacesClient withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new FacesClient(base, http, forwardedFor, headers);
    }

    public URI base() {
        return base;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    /** GETs, following redirects within this server, and returns the final answer. */
    public HttpResponse<String> follow(String path) {
        HttpResponse<String> response = get(path);
        for (int hops = 0; hops < 5 && isRedirect(response); hops++) {
            response = send(HttpRequest.newBuilder(response.uri().resolve(location(response))).GET().build());
        }
        return response;
    }

    /**
     * Loads {@code path}, then submits the form {@code formId} with {@code fields} (ids without the form prefix)
     * by pressing {@code button}. Returns the answer to the POST, unredirected.
     */
    public HttpResponse<String> submit(String path, String formId, Map<String, String> fields, String button) {
        return submitFrom(follow(path), formId, fields, button);
    }

    /** Submits a form of a page loaded before: twice from one page, say, to replay a post. */
    public HttpResponse<String> submitFrom(HttpResponse<String> page, String formId, Map<String, String> fields,
                                           String button) {
        return submitFrom(page, formId, fields, button, Map.of(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The same with {@code headers} (the Origin a browser sends, say), reading the answer with {@code answer}: as a
     * stream, for a download the form starts.
     */
    public <T> HttpResponse<T> submitFrom(HttpResponse<String> page, String formId, Map<String, String> fields,
                                          String button, Map<String, String> headers,
                                          HttpResponse.BodyHandler<T> answer) {
        return submitFrom(page, formId, fields, button, Map.of(), headers, answer);
    }

    /**
     * The same with {@code buttonParameters}, sent under their own names as a button's {@code f:param} adds them by
     * script when it is pressed.
     */
    public HttpResponse<String> submitWithParameters(HttpResponse<String> page, String formId, String button,
                                                     Map<String, String> buttonParameters) {
        return submitFrom(page, formId, Map.of(), button, buttonParameters, Map.of(),
                HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> submitFrom(HttpResponse<String> page, String formId, Map<String, String> fields,
                                           String button, Map<String, String> buttonParameters,
                                           Map<String, String> headers, HttpResponse.BodyHandler<T> answer) {
        String path = page.uri().toString();
        Matcher state = VIEW_STATE.matcher(page.body());
        if (!state.find()) {
            throw new AssertionError("no Faces form on " + path + ": HTTP " + page.statusCode() + ", page text: "
                    + page.body().replaceAll("(?s)<script.*?</script>|<[^>]+>", " ").replaceAll("\\s+", " "));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        fields.forEach((id, value) -> form.put(formId + ":" + id, value));
        form.put(formId + ":" + button, "");
        form.putAll(buttonParameters);
        form.put("jakarta.faces.ViewState", state.group(1));
        nonceOf(page).ifPresent(nonce -> form.put(CSP_NONCE, nonce));
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(page.uri())
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), answer);
    }

    /**
     * Submits a multipart form of a page loaded before, with one file in {@code fileField} (id without the form prefix),
     * as a browser sends an upload.
     */
    public HttpResponse<String> upload(HttpResponse<String> page, String formId, String fileField, String fileName,
                                       String contentType, byte[] content, String button) {
        Matcher state = VIEW_STATE.matcher(page.body());
        if (!state.find()) {
            throw new AssertionError("no Faces form on " + page.uri());
        }
        String boundary = "----strongroom" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(formId, formId);
        fields.put(formId + ":" + button, "");
        fields.put("jakarta.faces.ViewState", state.group(1));
        nonceOf(page).ifPresent(nonce -> fields.put(CSP_NONCE, nonce));
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + formId + ":" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(page.uri())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /**
     * POSTs {@code fields}, in their order, to {@code address} with {@code headers}, form-encoded or, when
     * {@code multipart}, as multipart/form-data; unredirected. For hand-made posts: a page's form exactly as a browser
     * sends it, or a forgery of it.
     */
    public HttpResponse<String> post(URI address, List<Map.Entry<String, String>> fields, boolean multipart,
                                     Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(address);
        headers.forEach(request::header);
        if (multipart) {
            String boundary = "----strongroom" + Long.toHexString(System.nanoTime());
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            fields.forEach(field -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + field.getKey() + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8)));
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(fields.stream()
                            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))));
        }
        return send(request.build());
    }

    /** The nonce PrimeFaces wrote into a page, which its script sends back with every form (see {@link #nonceOf}). */
    public static java.util.Optional<String> cspNonce(HttpResponse<String> page) {
        return nonceOf(page);
    }

    /** GETs raw bytes (a download), with the answer's headers. */
    public HttpResponse<byte[]> download(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code method} (without a body) to {@code path} with {@code headers}, and reads the answer with
     * {@code body}: as a stream to read slowly, say, or raw bytes with exact headers.
     */
    public <T> HttpResponse<T> exchange(String method, String path, Map<String, String> headers,
                                        HttpResponse.BodyHandler<T> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        extraHeaders.forEach(request::header);
        headers.forEach(request::header);
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> answer) {
        if (forwardedFor != null || !extraHeaders.isEmpty()) {
            HttpRequest.Builder copy = HttpRequest.newBuilder(request.uri());
            if (forwardedFor != null) {
                copy.header("X-Forwarded-For", forwardedFor);
            }
            extraHeaders.forEach(copy::header);
            request.headers().map().forEach((name, values) -> values.forEach(v -> copy.header(name, v)));
            request = copy.method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()))
                    .build();
        }
        try {
            return http.send(request, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The nonce PrimeFaces wrote into the page's scripts: its script sends it back with every form, and PrimeFaces
     * refuses a postback without it (the page's Content-Security-Policy carries the same nonce).
     */
    private static java.util.Optional<String> nonceOf(HttpResponse<String> page) {
        Matcher nonce = NONCE.matcher(page.body());
        return nonce.find() ? java.util.Optional.of(nonce.group(1)) : java.util.Optional.empty();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
