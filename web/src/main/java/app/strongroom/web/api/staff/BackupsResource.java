package app.strongroom.web.api.staff;

import app.strongroom.catalog.TenantSlug;
import app.strongroom.staff.KeptBackups;
import app.strongroom.web.api.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's kept backups, for operators and the helpdesk (before a restore, say). */
@Path("staff/tenants/{tenant}/backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "backups", description = "Tenants' kept backups")
public class BackupsResource {
    @EJB
    KeptBackups backups;

    @GET
    @Operation(summary = "A tenant's kept backups, newest first",
            description = "Operators and helpdesk. Each with its size and where verified copies of it are.")
    @APIResponse(responseCode = "200", description = "The backups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BackupListJson.class)))
    @APIResponse(responseCode = "400", description = "Not a tenant's short name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No token, or a refused one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BackupListJson list(@Parameter(description = "The tenant's short name") @PathParam("tenant") String tenant) {
        TenantSlug slug = TenantSlug.parse(tenant).orElseThrow(() -> new BadRequestException(
                "A tenant's short name is 3 to 40 lower-case letters, digits or inner hyphens."));
        return new BackupListJson(slug.value(), backups.of(slug).orElseThrow(() -> new NotFoundException(
                "There is no tenant \"" + slug.value() + "\".")).stream().map(BackupJson::of).toList());
    }
}
