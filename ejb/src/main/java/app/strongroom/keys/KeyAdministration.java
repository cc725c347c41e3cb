package app.strongroom.keys;

import app.strongroom.catalog.PlatformEvent;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.keys.TenantKey;
import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;

/** Operators rotate a tenant's data key; every rotation is in the platform's audit trail. */
@Stateless
@RolesAllowed(Role.Names.PLATFORM_OPERATOR)
public class KeyAdministration {
    public static final String KEY_ROTATED = "DATA_KEY_ROTATED";

    @EJB
    TenantKeys keys;
    @PersistenceContext(unitName = "catalog")
    EntityManager em;
    @Inject
    SecurityContext security;
    @EJB
    app.strongroom.sites.SiteCopies siteCopies;

    /** A new primary key for the tenant; empty when there is no such tenant key. */
    public Optional<Integer> rotate(TenantId tenant) {
        if (keys.find(tenant).isEmpty()) {
            return Optional.empty();
        }
        int primary = keys.rotate(tenant);
        // Until every site holds the new key file, no backup of the tenant counts as safe there.
        siteCopies.requestPassesEverywhere();
        String operator = Caller.of(security.getCallerPrincipal()) instanceof Caller.Staff staff ? staff.login() : null;
        em.persist(new PlatformEvent(KEY_ROTATED, null, operator, "tenant " + tenant.value() + ": new key " + primary));
        return Optional.of(primary);
    }

    public Optional<KeyStatus> status(TenantId tenant) {
        return keys.find(tenant).map(KeyStatus::of);
    }

    /** A tenant key as staff and the tenant may see it: which key version, since when. Never the key. */
    public record KeyStatus(int primaryKeyId, java.time.OffsetDateTime createdAt, java.time.OffsetDateTime rotatedAt) {
        static KeyStatus of(TenantKey key) {
            return new KeyStatus(key.primaryKeyId(), key.createdAt(), key.rotatedAt());
        }
    }
}
