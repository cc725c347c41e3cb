package app.strongroom.web.api;

/**
 * The kinds of problem the APIs answer with, each a stable {@code type} a client can branch on; anything else is
 * {@code about:blank} with the HTTP status's own title (RFC 9457, 4.2.1).
 */
public enum ProblemType {
    BAD_REQUEST(400, "bad-request", "The request is not valid"),
    TOKEN_REQUIRED(401, "token-required", "A staff API token is required"),
    TOKEN_REFUSED(401, "token-refused", "The API token was refused"),
    FORBIDDEN(403, "forbidden", "Not allowed to your role"),
    NOT_FOUND(404, "not-found", "Not found"),
    CONFLICT(409, "conflict", "Not possible in the current state"),
    INTERNAL(500, "internal", "The server failed to answer"),
    KEY_REQUIRED(401, "key-required", "An API key is required"),
    UNPROCESSABLE(422, "unprocessable", "A value is not acceptable"),
    BODY_TOO_LARGE(413, "body-too-large", "The request body is too large"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests");

    private final int status;
    private final String type;
    private final String title;

    ProblemType(int status, String name, String title) {
        this.status = status;
        this.type = "urn:strongroom:problem:" + name;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
