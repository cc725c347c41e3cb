package app.strongroom.web.api;

import app.strongroom.web.api.staff.BackupsResource;
import app.strongroom.web.api.staff.JobRefusedMapper;
import app.strongroom.web.api.staff.JobsResource;
import app.strongroom.web.api.v1.ContactsResource;
import app.strongroom.web.api.v1.InvoicesResource;
import app.strongroom.web.api.v1.OpenApiResource;
import app.strongroom.web.api.v1.OrdersResource;
import app.strongroom.web.api.v1.ProductsResource;
import app.strongroom.web.api.v1.RecordProblems;
import app.strongroom.web.api.v1.Responses;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JSON APIs, under {@code /api}. The resources are listed here rather than discovered, so what the server
 * publishes is exactly this list (and the OpenAPI document at {@code /openapi} describes the same).
 */
@ApplicationPath(ApiApplication.PATH)
@OpenAPIDefinition(info = @Info(title = "Strongroom API", version = "1",
        description = "The staff API (/api/staff: the batch console and tenants' kept backups), for a staff API token "
                + "made on the staff Tokens page, and the tenant API (/api/v1: contacts, products, sales orders and "
                + "invoices), for a tenant user's API key made on their API keys page. Either goes as a bearer token; "
                + "sessions and cookies are not accepted. Errors are application/problem+json (RFC 9457)."),
        security = {@SecurityRequirement(name = ApiApplication.STAFF_TOKEN),
                @SecurityRequirement(name = ApiApplication.TENANT_KEY)},
        components = @Components(responses = {
                @APIResponse(name = Responses.KEY_REFUSED, responseCode = "401",
                        description = "No key, or a refused one (expired, revoked, its user deactivated)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = Responses.NO_RIGHT, responseCode = "403",
                        description = "A read key writing, or no right for the operation",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = Responses.NOT_FOUND, responseCode = "404",
                        description = "No such record that the key's user can see",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = Responses.RATE_LIMITED, responseCode = "429",
                        description = "The key's requests of this minute are spent; see Retry-After",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = Responses.STATE_MOVE, responseCode = "409",
                        description = "Not possible in the record's state",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = Responses.STALE, responseCode = "409",
                        description = "Changed by someone else since that version",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class)))}))
@SecurityScheme(securitySchemeName = ApiApplication.STAFF_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A staff API token (srs_...), acting with its staff member's role at the time of use")
@SecurityScheme(securitySchemeName = ApiApplication.TENANT_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A tenant API key (srk_...), acting as its user with their rights and record rules at the time "
                + "of use; a read key only reads")
public class ApiApplication extends Application {
    public static final String PATH = "api";
    public static final String STAFF_TOKEN = "staffToken";
    public static final String TENANT_KEY = "tenantKey";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ApiJson.class, ProblemMappers.WebApplication.class, ProblemMappers.AccessDenied.class,
                ProblemMappers.Processing.class, ProblemMappers.JsonBinding.class, ProblemMappers.Unexpected.class,
                BackupsResource.class, JobsResource.class, JobRefusedMapper.class, BodyLimit.class,
                ContactsResource.class, ProductsResource.class, OrdersResource.class, InvoicesResource.class,
                RecordProblems.StateMove.class, RecordProblems.Invalid.class, RecordProblems.NoRight.class,
                RecordProblems.Outside.class, RecordProblems.Query.class, OpenApiResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        // Jersey's own: no generated WADL description beside the OpenAPI one, and an error status is set rather than
        // sent through the container's error pages, which would answer HTML.
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.response.setStatusOverSendError", true);
    }
}
