package app.strongroom.keys;

import app.strongroom.backup.BackupLocations;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.keys.TenantKey;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.vault.keys.MasterKey;
import app.strongroom.vault.keys.TenantKeyset;
import app.strongroom.vault.keys.WrappedKeyset;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Every tenant's data keyset: unwrapped only in memory, for the moment it is used. Platform-internal (sign-up, stored
 * files, backups); staff reach rotation through {@link KeyAdministration}, which checks their role.
 */
@Stateless
@PermitAll
public class TenantKeys {
    @PersistenceContext(unitName = "catalog")
    EntityManager em;
    @Inject
    PlatformSettings settings;
    @Inject
    BackupLocations locations;

    private final Clock clock = Clock.systemUTC();

    /** A new tenant's first key: in the catalog and, wrapped, at the backup location (never over an existing one). */
    public void create(TenantId tenant) {
        WrappedKeyset wrapped = TenantKeyset.generate(tenant.value().toString()).wrap(current());
        em.persist(new TenantKey(tenant, wrapped, clock.instant()));
        locations.home().writeNewKey(wrapped);
    }

    /**
     * Every tenant without a key row gets one: the key file the backup location holds for it, when there is one (a
     * catalog rebuilt from its backup, which never holds keys), after checking that the master keys open it; a new
     * key only for a tenant that never had one (made before tenants had keys). Returns how many rows were made.
     */
    public int createMissing(List<TenantId> tenants) {
        int created = 0;
        for (TenantId tenant : tenants) {
            if (find(tenant).isPresent()) {
                continue;
            }
            Optional<WrappedKeyset> kept = locations.home().key(tenant.value().toString());
            if (kept.isPresent()) {
                TenantKeyset.unwrap(kept.get(), settings.masterKeys());
                em.persist(new TenantKey(tenant, kept.get(), clock.instant()));
            } else {
                create(tenant);
            }
            created++;
        }
        return created;
    }

    /** The tenant's keyset, unwrapped; its primary key encrypts what is written now. */
    public TenantKeyset keyset(TenantId tenant) {
        return TenantKeyset.unwrap(find(tenant).orElseThrow(() -> new NoSuchElementException("tenant " + tenant
                + " has no key")).wrapped(), settings.masterKeys());
    }

    /** Every tenant's key row: what every site must hold a copy of. */
    public List<TenantKey> all() {
        return em.createNamedQuery(TenantKey.ALL, TenantKey.class).getResultList();
    }

    public Optional<TenantKey> find(TenantId tenant) {
        return Optional.ofNullable(em.find(TenantKey.class, tenant.value()));
    }

    /** Makes a new primary key; returns its id. What was written before stays readable with the older keys. */
    public int rotate(TenantId tenant) {
        TenantKey key = em.find(TenantKey.class, tenant.value());
        WrappedKeyset rotated = TenantKeyset.unwrap(key.wrapped(), settings.masterKeys()).rotate().wrap(current());
        key.replace(rotated, clock.instant());
        locations.home().writeKey(rotated);
        return rotated.primaryKeyId();
    }

    /**
     * Re-wraps every keyset still wrapped by a retired master key under the current one (a master-key rotation),
     * without touching any data. Returns the tenants whose keyset was re-wrapped.
     */
    public List<TenantId> rewrapUnderCurrentMasterKey() {
        MasterKey current = current();
        List<TenantKey> stale = em.createNamedQuery(TenantKey.NOT_WRAPPED_BY, TenantKey.class)
                .setParameter("masterKeyId", current.id()).getResultList();
        for (TenantKey key : stale) {
            WrappedKeyset rewrapped = TenantKeyset.unwrap(key.wrapped(), settings.masterKeys()).wrap(current);
            key.replace(rewrapped, clock.instant());
            locations.home().writeKey(rewrapped);
        }
        return stale.stream().map(TenantKey::tenant).toList();
    }

    /**
     * Crypto-shred: the keyset goes from the catalog and from every location, so nothing of the tenant that may be
     * left anywhere (a copied backup, a stray file) can be decrypted again.
     */
    public void destroy(TenantId tenant) {
        Optional.ofNullable(em.find(TenantKey.class, tenant.value())).ifPresent(em::remove);
        em.flush();
        locations.home().deleteTenant(tenant.value().toString());
    }

    private MasterKey current() {
        return settings.masterKeys().get(0);
    }
}
