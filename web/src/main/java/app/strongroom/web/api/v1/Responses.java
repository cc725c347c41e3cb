package app.strongroom.web.api.v1;

/**
 * The names of the tenant API's common problem answers, described once among the OpenAPI document's components
 * ({@link app.strongroom.web.api.ApiApplication}) and named by each operation or resource that can give them.
 */
public final class Responses {
    public static final String KEY_REFUSED = "KeyRefused";
    public static final String NO_RIGHT = "NoRight";
    public static final String NOT_FOUND = "NotFound";
    public static final String RATE_LIMITED = "RateLimited";
    public static final String STATE_MOVE = "StateMove";
    public static final String STALE = "Stale";

    private Responses() {
    }
}
