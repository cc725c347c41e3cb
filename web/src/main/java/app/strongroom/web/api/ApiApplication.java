package app.strongroom.web.api;

import app.strongroom.web.api.staff.BackupsResource;
import app.strongroom.web.api.staff.JobRefusedMapper;
import app.strongroom.web.api.staff.JobsResource;
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
        description = "The staff API: the batch console (jobs and their executions) and tenants' kept backups. "
                + "Every request carries a staff API token (made on the staff Tokens page) as a bearer token; "
                + "sessions and cookies are not accepted. Errors are application/problem+json (RFC 9457)."),
        security = @SecurityRequirement(name = ApiApplication.STAFF_TOKEN))
@SecurityScheme(securitySchemeName = ApiApplication.STAFF_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A staff API token (srs_...), acting with its staff member's role at the time of use")
public class ApiApplication extends Application {
    public static final String PATH = "api";
    public static final String STAFF_TOKEN = "staffToken";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ApiJson.class, ProblemMappers.WebApplication.class, ProblemMappers.AccessDenied.class,
                ProblemMappers.Processing.class, ProblemMappers.JsonBinding.class, ProblemMappers.Unexpected.class,
                BackupsResource.class, JobsResource.class, JobRefusedMapper.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        // Jersey's own: no generated WADL description beside the OpenAPI one, and an error status is set rather than
        // sent through the container's error pages, which would answer HTML.
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.response.setStatusOverSendError", true);
    }
}
