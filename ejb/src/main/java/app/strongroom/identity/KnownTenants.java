package app.strongroom.identity;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenant ids this instance has seen behind short names, so a sign-in can find its lock keys before asking the
 * catalog. Only used to refuse faster: a stale entry (a tenant deleted and its name taken again) names keys nobody
 * locks, and the sign-in then goes on to the catalog as usual. Bounded: when full it starts over.
 */
@ApplicationScoped
public class KnownTenants {
    private static final int BOUND = 100_000;
    private final Map<TenantSlug, TenantId> ids = new ConcurrentHashMap<>();

    public Optional<TenantId> idOf(TenantSlug slug) {
        return Optional.ofNullable(ids.get(slug));
    }

    public void remember(TenantSlug slug, TenantId id) {
        if (ids.size() >= BOUND) {
            ids.clear();
        }
        ids.put(slug, id);
    }
}
