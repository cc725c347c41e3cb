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
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
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
                @SecurityRequirement(name = ApiApplication.TENANT_KEY)})
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
