package app.strongroom.web.api.staff;

import app.strongroom.catalog.TenantSlug;
import app.strongroom.identity.Role;
import app.strongroom.jobs.ExecutionPage;
import app.strongroom.jobs.JobConsole;
import app.strongroom.jobs.JobExecutionView;
import app.strongroom.jobs.JobName;
import app.strongroom.web.api.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The batch console for programs: list and watch executions, start a job, stop, restart or abandon an execution.
 * Platform operators only (the console service checks it again). Parameters arrive as text and are checked here, so a
 * bad value is a 400 that says what is wrong rather than the 404 JAX-RS gives a query parameter it cannot convert.
 */
@Path("staff/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jobs", description = "The batch console: platform jobs and their executions (operators)")
@APIResponse(responseCode = "401", description = "No token, or a refused one",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's staff member is not a platform operator",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class JobsResource {
    static final int MAX_COUNT = 100;
    private static final String ID = "The execution id";
    private static final String JOB_NAMES = Arrays.stream(JobName.values()).filter(JobName::startableByStaff)
            .map(JobName::xmlName).collect(Collectors.joining(", "));

    @EJB
    JobConsole console;
    @Inject
    SecurityContext security;

    @GET
    @Operation(summary = "Executions, newest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of executions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionListJson.class)))
    @APIResponse(responseCode = "400", description = "An unknown job or a bad page",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExecutionListJson list(
            @Parameter(description = "Only this job's executions: backup, retention, replication, drill or restore")
            @QueryParam("job") String job,
            @Parameter(description = "Position of the first, from 0", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "0", defaultValue = "0")) @QueryParam("first") @DefaultValue("0") String first,
            @Parameter(description = "How many", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + MAX_COUNT, defaultValue = "20")) @QueryParam("count") @DefaultValue("20") String count) {
        requireOperator();
        Optional<JobName> only = job == null || job.isBlank() ? Optional.empty() : Optional.of(jobNamed(job));
        int from = number("first", first, 0, Integer.MAX_VALUE);
        int size = number("count", count, 1, MAX_COUNT);
        ExecutionPage page = console.executions(only, from, size);
        return new ExecutionListJson(page.executions().stream().map(ExecutionJson::of).toList(), page.total(), from, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One execution, with its progress and failures")
    @APIResponse(responseCode = "200", description = "The execution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionJson.class)))
    @APIResponse(responseCode = "404", description = "No such execution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExecutionJson get(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("id")
            String id) {
        requireOperator();
        return ExecutionJson.of(existing(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Starts a job for every tenant, or for one")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StartJobJson.class)))
    @APIResponse(responseCode = "201", description = "Started; Location names the new execution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionJson.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown job or a malformed tenant name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job cannot be started so (no such active tenant, say)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(StartJobJson start, @Context UriInfo uri) {
        requireOperator();
        if (start == null || start.job() == null || start.job().isBlank()) {
            throw new BadRequestException("Name the job to start: {\"job\": \"backup\"}, with \"tenant\" for one tenant.");
        }
        JobName job = jobNamed(start.job());
        Optional<TenantSlug> tenant = Optional.ofNullable(start.tenant()).filter(t -> !t.isBlank())
                .map(t -> TenantSlug.parse(t).orElseThrow(() -> new BadRequestException(
                        "A tenant's short name is 3 to 40 lower-case letters, digits or inner hyphens.")));
        return created(uri, console.start(job, tenant));
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Asks a running execution to stop")
    @APIResponse(responseCode = "202", description = "Stopping: the work in hand is finished, nothing new begun",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionJson.class)))
    @APIResponse(responseCode = "404", description = "No such execution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is not running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response stop(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("id")
            String id) {
        requireOperator();
        long execution = existing(id).id();
        console.stop(execution);
        return Response.accepted(ExecutionJson.of(existing(execution))).build();
    }

    @POST
    @Path("{id}/restart")
    @Operation(summary = "Carries a failed or stopped execution on from its checkpoint, as a new execution")
    @APIResponse(responseCode = "201", description = "Restarted; Location names the new execution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionJson.class)))
    @APIResponse(responseCode = "404", description = "No such execution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It cannot be restarted (completed, running, or carried on already)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response restart(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("id")
            String id, @Context UriInfo uri) {
        requireOperator();
        return created(uri, console.restart(existing(id).id()));
    }

    @POST
    @Path("{id}/abandon")
    @Operation(summary = "Gives a failed or stopped execution up for good")
    @APIResponse(responseCode = "200", description = "Abandoned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionJson.class)))
    @APIResponse(responseCode = "404", description = "No such execution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is running, or has completed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExecutionJson abandon(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("id")
            String id) {
        requireOperator();
        long execution = existing(id).id();
        console.abandon(execution);
        return ExecutionJson.of(existing(execution));
    }

    private Response created(UriInfo uri, long execution) {
        return Response.created(uri.getBaseUriBuilder().path(JobsResource.class).path(Long.toString(execution)).build())
                .entity(ExecutionJson.of(existing(execution))).build();
    }

    private void requireOperator() {
        if (!security.isCallerInRole(Role.Names.PLATFORM_OPERATOR)) {
            throw new ForbiddenException("Only platform operators run jobs; your role does not allow this.");
        }
    }

    private JobExecutionView existing(String id) {
        try {
            return existing(Long.parseLong(id));
        } catch (NumberFormatException notAnId) {
            throw new NotFoundException("There is no job execution \"" + shortened(id) + "\".");
        }
    }

    private JobExecutionView existing(long id) {
        return console.find(id).orElseThrow(() -> new NotFoundException("There is no job execution " + id + "."));
    }

    private static JobName jobNamed(String name) {
        return JobName.of(name.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new BadRequestException(
                "There is no job \"" + shortened(name) + "\"; the jobs are " + JOB_NAMES + "."));
    }

    private static int number(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below, with the range
        }
        throw new BadRequestException("\"" + name + "\" must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ".");
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
