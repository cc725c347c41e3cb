package app.strongroom.web.api.v1;

import app.strongroom.web.api.ApiApplication;
import app.strongroom.web.api.OpenApiServlet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenAPI description of the tenant API for the holders of a key (any scope): the build's document with the
 * tenant API's paths and tags only, so a tenant's script learns the operations it may call and nothing of the staff's.
 */
@Path("v1/openapi")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "description", description = "This API's own OpenAPI document")
public class OpenApiResource {
    private static final String PATHS = "/" + ApiApplication.PATH + "/v1/";
    private static final Pattern REFERENCE = Pattern.compile("#/components/schemas/([A-Za-z0-9_.-]+)");
    private static final Pattern RESPONSE = Pattern.compile("#/components/responses/([A-Za-z0-9_.-]+)");
    private static final String DESCRIPTION = "Contacts, products, sales orders and invoices of your company, as the "
            + "user whose API key (made on the API keys page) is sent as 'Authorization: Bearer <key>', under that "
            + "user's rights and record rules; a read key only reads. Sessions and cookies are not accepted. Errors "
            + "are application/problem+json (RFC 9457).";
    private static final Set<String> TAGS = Set.of("contacts", "products", "orders", "invoices", "description");

    private volatile String document;

    @GET
    @Operation(summary = "The OpenAPI document of the tenant API (JSON)")
    public String get() {
        String made = document;
        if (made == null) {
            made = tenantPart(read()).toString();
            document = made;
        }
        return made;
    }

    private static JsonObject read() {
        try (InputStream in = OpenApiServlet.class.getResourceAsStream("openapi.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("the build made no OpenAPI document", e);
        }
    }

    static JsonObject tenantPart(JsonObject whole) {
        JsonObjectBuilder paths = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> path : whole.getJsonObject("paths").entrySet()) {
            if (path.getKey().startsWith(PATHS)) {
                paths.add(path.getKey(), path.getValue());
            }
        }
        JsonObject tenantPaths = paths.build();
        JsonObject components = whole.getJsonObject("components");
        JsonObject schemas = components.getJsonObject("schemas");
        JsonObject responses = components.getJsonObject("responses");
        JsonObjectBuilder keptResponses = Json.createObjectBuilder();
        referencedBy(RESPONSE, tenantPaths.toString()).forEach(name -> keptResponses.add(name, responses.get(name)));
        JsonObject tenantResponses = keptResponses.build();
        Set<String> used = new TreeSet<>();
        Set<String> reached = referencedBy(REFERENCE, tenantPaths.toString() + tenantResponses);
        while (used.addAll(reached)) {
            reached = used.stream().filter(schemas::containsKey)
                    .flatMap(name -> referencedBy(REFERENCE, schemas.get(name).toString()).stream())
                    .collect(Collectors.toSet());
        }
        JsonObjectBuilder kept = Json.createObjectBuilder();
        used.stream().filter(schemas::containsKey).forEach(name -> kept.add(name, schemas.get(name)));
        JsonObject schemes = components.getJsonObject("securitySchemes");
        JsonObjectBuilder part = Json.createObjectBuilder(whole).add("paths", tenantPaths)
                .add("info", Json.createObjectBuilder(whole.getJsonObject("info")).add("title", "Strongroom tenant API")
                        .add("description", DESCRIPTION))
                .add("components", Json.createObjectBuilder().add("schemas", kept).add("responses", tenantResponses)
                        .add("securitySchemes", Json.createObjectBuilder().add(ApiApplication.TENANT_KEY,
                                schemes.get(ApiApplication.TENANT_KEY))))
                .add("security", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add(ApiApplication.TENANT_KEY, Json.createArrayBuilder())));
        if (whole.containsKey("tags")) {
            part.add("tags", Json.createArrayBuilder(whole.getJsonArray("tags").stream()
                    .filter(t -> TAGS.contains(t.asJsonObject().getString("name", ""))).toList()));
        }
        return part.build();
    }

    private static Set<String> referencedBy(Pattern kind, String json) {
        Set<String> names = new TreeSet<>();
        Matcher reference = kind.matcher(json);
        while (reference.find()) {
            names.add(reference.group(1));
        }
        return names;
    }
}
