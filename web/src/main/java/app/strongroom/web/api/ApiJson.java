package app.strongroom.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B configuration of the APIs: properties in a fixed order, absent values left out (a client reads a
 * missing {@code ended} as "not yet"), instants in ISO-8601 UTC.
 */
@Provider
public class ApiJson implements ContextResolver<Jsonb> {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL)
            .withNullValues(false));

    /**
     * The tenant API's bodies are read strictly: a property the record does not have is refused (Yasson's own switch),
     * not ignored, so a misspelt field never silently changes nothing.
     */
    private static final Jsonb STRICT = JsonbBuilder.create(new JsonbConfig()
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL)
            .withNullValues(false)
            .setProperty("jsonb.fail-on-unknown-properties", true));
    private static final String TENANT_API = "app.strongroom.web.api.v1.";

    @Override
    public Jsonb getContext(Class<?> type) {
        return type != null && type.getName().startsWith(TENANT_API) ? STRICT : JSONB;
    }
}
