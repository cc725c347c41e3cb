package app.strongroom.web.api;

import app.strongroom.apitoken.ApiTokenAuthentication;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.web.security.ApiCaller;
import app.strongroom.web.security.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error of the APIs as a problem: what JAX-RS itself refuses (no such path, method, media type), what a
 * resource refuses, a body that is not the JSON asked for, a role that does not allow the call (recorded in the audit
 * trail), and anything unexpected (logged with an incident id the answer names, never shown).
 */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());
    private static final String BAD_BODY = "The request body is not JSON of the shape this operation takes.";

    private ProblemMappers() {
    }

    /** Refusals of JAX-RS and of the resources, each thrown with a sentence meant for the client. */
    @Provider
    @ApplicationScoped
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Inject
        Audit audit;
        @Inject
        HttpServletRequest request;

        @Override
        public Response toResponse(WebApplicationException e) {
            if (BodyLimit.tripped(request)) {
                return BodyLimit.tooLarge().response().build();
            }
            Response refused = e.getResponse();
            int status = refused.getStatus();
            if (status == 403) {
                audit.forbidden();
            }
            Problem problem = switch (status) {
                case 400 -> Problem.of(ProblemType.BAD_REQUEST, detail(e, "The request is not valid."));
                case 403 -> Problem.of(ProblemType.FORBIDDEN, detail(e, "Your role does not allow this."));
                case 404 -> Problem.of(ProblemType.NOT_FOUND, detail(e, "There is nothing at this address."));
                case 409 -> Problem.of(ProblemType.CONFLICT, detail(e, "Not possible in the current state."));
                case 413 -> BodyLimit.tooLarge();
                default -> status >= 500 ? Problem.of(ProblemType.INTERNAL, detail(e, "The server failed."))
                        : Problem.ofStatus(status, detail(e, statusSentence(refused)));
            };
            Response.ResponseBuilder answer = problem.response();
            refused.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> answer.header(name, v));
                }
            });
            return answer.build();
        }

        /** Our own exceptions carry a sentence; JAX-RS's say no more than "HTTP 404 Not Found". */
        private static String detail(WebApplicationException e, String otherwise) {
            String message = e.getMessage();
            return message == null || message.startsWith("HTTP ") ? otherwise : message;
        }

        private static String statusSentence(Response refused) {
            return switch (refused.getStatus()) {
                case 405 -> "This method is not allowed here; the Allow header lists those that are.";
                case 406 -> "This resource answers application/json only.";
                case 415 -> "Send the body as application/json.";
                default -> refused.getStatusInfo().getReasonPhrase() + ".";
            };
        }
    }

    /** A service's role check (its {@code @RolesAllowed}) refused the caller. */
    @Provider
    @ApplicationScoped
    public static class AccessDenied implements ExceptionMapper<EJBAccessException> {
        @Inject
        Audit audit;

        @Override
        public Response toResponse(EJBAccessException e) {
            audit.forbidden();
            return Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this.").response().build();
        }
    }

    /** JSON-B's provider reports a body it cannot read as a processing failure. */
    @Provider
    @ApplicationScoped
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Inject
        HttpServletRequest request;

        @Override
        public Response toResponse(ProcessingException e) {
            if (BodyLimit.tripped(request)) {
                return BodyLimit.tooLarge().response().build();
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
                    return Problem.of(ProblemType.BAD_REQUEST, BAD_BODY).response().build();
                }
            }
            return Unexpected.incident(e);
        }
    }

    @Provider
    @ApplicationScoped
    public static class JsonBinding implements ExceptionMapper<JsonbException> {
        @Inject
        HttpServletRequest request;

        @Override
        public Response toResponse(JsonbException e) {
            if (BodyLimit.tripped(request)) {
                return BodyLimit.tooLarge().response().build();
            }
            return Problem.of(ProblemType.BAD_REQUEST, BAD_BODY).response().build();
        }
    }

    @Provider
    @ApplicationScoped
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Inject
        Audit audit;
        @Inject
        HttpServletRequest request;

        @Override
        public Response toResponse(Throwable e) {
            if (BodyLimit.tripped(request)) {
                return BodyLimit.tooLarge().response().build();
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof EJBAccessException) {
                    audit.forbidden();
                    return Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this.").response().build();
                }
            }
            return incident(e);
        }

        static Response incident(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "API request failed, incident " + incident, e);
            return Problem.of(ProblemType.INTERNAL, "The server failed to answer; its log names the reason under "
                    + "incident " + incident + ".").response().build();
        }
    }

    /** Records a refusal for want of a role in the platform's audit trail, with the token and its owner. */
    @ApplicationScoped
    public static class Audit {
        @EJB
        ApiTokenAuthentication tokens;
        @Inject
        PlatformSettings settings;
        @Inject
        HttpServletRequest request;

        void forbidden() {
            ApiCaller.of(request).ifPresent(caller -> tokens.forbidden(caller.token(), caller.login(),
                    ClientAddress.of(request, settings.trustedProxies()),
                    request.getMethod() + " " + request.getRequestURI()));
        }
    }
}
