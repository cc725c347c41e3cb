package app.strongroom.identity;

import app.strongroom.catalog.TenantId;
import java.security.Principal;
import java.util.Optional;

/**
 * The signed-in caller, read back from the caller name the identity store issued. The name carries the tenant id, so
 * the tenant is always the one the caller signed in to; it is never taken from a request parameter.
 */
public sealed interface Caller {
    String TENANT_PREFIX = "tenant:";
    String STAFF_PREFIX = "staff:";

    /** A user of one tenant. */
    record TenantUser(TenantId tenant, String login) implements Caller {
        public String callerName() {
            return TENANT_PREFIX + tenant.value() + ":" + login;
        }
    }

    /** A member of the platform staff. */
    record Staff(String login) implements Caller {
        public String callerName() {
            return STAFF_PREFIX + login;
        }
    }

    /** Nobody is signed in. */
    record Anonymous() implements Caller {
    }

    static Caller of(Principal principal) {
        if (principal == null) {
            return new Anonymous();
        }
        return of(principal.getName());
    }

    static Caller of(String name) {
        if (name != null && name.startsWith(TENANT_PREFIX)) {
            String rest = name.substring(TENANT_PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon > 0) {
                try {
                    return new TenantUser(TenantId.parse(rest.substring(0, colon)), rest.substring(colon + 1));
                } catch (IllegalArgumentException notAnId) {
                    return new Anonymous();
                }
            }
        }
        if (name != null && name.startsWith(STAFF_PREFIX)) {
            return new Staff(name.substring(STAFF_PREFIX.length()));
        }
        return new Anonymous();
    }

    default Optional<TenantUser> asTenantUser() {
        return this instanceof TenantUser user ? Optional.of(user) : Optional.empty();
    }
}
