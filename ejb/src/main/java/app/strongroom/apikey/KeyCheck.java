package app.strongroom.apikey;

import app.strongroom.catalog.TenantId;
import app.strongroom.tenant.apikey.ApiKeyScope;
import java.time.Duration;

/** What a key presented to the tenant API came to. */
public sealed interface KeyCheck {
    /**
     * An active key of a user who may sign in, read at this moment: the request runs as {@code login} of
     * {@code tenant}, an administrator only if the user is one now, within {@code scope}.
     */
    record Accepted(TenantId tenant, long key, String login, boolean administrator, ApiKeyScope scope)
            implements KeyCheck {
    }

    /** Refused and recorded; {@code reason} may be told to the client (it names nothing the client did not send). */
    record Refused(String reason) implements KeyCheck {
    }

    /** A valid key past its requests of the current minute; it may ask again after {@code retryAfter}. */
    record Limited(Duration retryAfter) implements KeyCheck {
    }
}
