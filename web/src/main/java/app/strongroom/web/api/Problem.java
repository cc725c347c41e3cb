package app.strongroom.web.api;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An error answer (RFC 9457): what kind, a short title, the status again, and a sentence for the person reading it. */
@Schema(name = "Problem", description = "An error, as application/problem+json (RFC 9457)")
public record Problem(
        @Schema(description = "urn:strongroom:problem:<kind>, or about:blank for a plain HTTP error",
                example = "urn:strongroom:problem:conflict") String type,
        @Schema(example = "Not possible in the current state") String title,
        @Schema(example = "409") int status,
        @Schema(example = "execution 42 has ended and cannot be stopped") String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.type(), type.title(), type.status(), detail);
    }

    /** A plain HTTP error without a kind of its own (a method not allowed, say). */
    public static Problem ofStatus(int status, String detail) {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        return new Problem("about:blank", known != null ? known.getReasonPhrase() : "HTTP " + status, status, detail);
    }

    public Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    /** The problem as JSON, for answers written before JAX-RS is reached (authentication, filters). */
    public String toJson() {
        return jakarta.json.Json.createObjectBuilder().add("type", type).add("title", title).add("status", status)
                .add("detail", detail).build().toString();
    }
}
