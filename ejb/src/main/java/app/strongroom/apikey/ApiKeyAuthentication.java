package app.strongroom.apikey;

import app.strongroom.catalog.PlatformEvent;
import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.common.Reasons;
import app.strongroom.identity.throttle.LoginThrottle;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.apikey.ApiKey;
import app.strongroom.tenant.apikey.ApiKeyState;
import app.strongroom.tenant.apikey.PresentedKey;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a key presented to the tenant API, before anyone is signed in, on every request: nothing about a key is
 * remembered between requests, so a revoked key, an expired one or one whose user was deactivated a moment ago opens
 * nothing. The tenant is the one the key names, and only a key whose digest that tenant's database holds is believed.
 * Refusals of a known key are always in the tenant's audit trail; refusals of keys nobody knows within a budget per
 * network, and each counts against the client's address like a failed sign-in.
 */
@Stateless
@PermitAll
public class ApiKeyAuthentication {
    public static final String REFUSED = "API_KEY_REFUSED";
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "catalog")
    EntityManager catalogEm;
    @EJB
    TenantCatalog catalog;
    @EJB
    TenantUnits units;
    @Inject
    LoginThrottle throttle;
    @Inject
    PlatformSettings settings;

    private final Clock clock = Clock.systemUTC();

    /** {@code presented}: what followed "Bearer " in the request, or empty when the request carried another scheme. */
    public KeyCheck check(Optional<String> presented, String clientAddress) {
        if (throttle.anyLocked(Set.of(LoginThrottle.platformAddressKey(clientAddress)))) {
            return new KeyCheck.Refused("too many failed sign-ins from this address; try later");
        }
        Optional<PresentedKey> key = presented.flatMap(PresentedKey::parse);
        Optional<TenantId> tenant = key.map(PresentedKey::tenant)
                .filter(id -> catalog.find(id).filter(Tenant::acceptsSignIn).isPresent());
        if (tenant.isEmpty()) {
            return refuseUnknown(clientAddress, key.isEmpty() ? "the credential is not a Strongroom API key"
                    : "the key is not known");
        }
        Instant now = clock.instant();
        KeyCheck check = units.inTransaction(tenant.get(), em -> check(em, tenant.get(), key.get(), clientAddress,
                now));
        if (check instanceof KeyCheck.Refused) {
            countFailure(clientAddress);
        }
        return check;
    }

    private KeyCheck check(EntityManager em, TenantId tenant, PresentedKey presented, String clientAddress,
                           Instant now) {
        Optional<ApiKey> found = em.createNamedQuery(ApiKey.BY_DIGEST, ApiKey.class)
                .setParameter("digest", presented.digest()).getResultStream().findFirst();
        if (found.isEmpty()) {
            if (throttle.withinAnonymousBudget(clientAddress)) {
                em.persist(refusal(null, clientAddress, "API key: the key is not known"));
            }
            return new KeyCheck.Refused("the key is not known");
        }
        ApiKey key = found.get();
        String reason = key.stateAt(now) == ApiKeyState.REVOKED ? "the key was revoked"
                : key.stateAt(now) == ApiKeyState.EXPIRED ? "the key expired at " + key.expiresAt()
                : !key.user().maySignIn() ? "the key's user may no longer sign in" : null;
        if (reason != null) {
            em.persist(refusal(key.user().login(), clientAddress, "API key " + key.id() + ": " + reason));
            return new KeyCheck.Refused(reason);
        }
        Optional<Duration> wait = throttle.overBudget(LoginThrottle.apiKeyRateKey(tenant, key.id()),
                settings.apiRequestsPerMinute(), RATE_WINDOW);
        if (wait.isPresent()) {
            return new KeyCheck.Limited(wait.get());
        }
        key.usedFrom(clientAddress, now);
        return new KeyCheck.Accepted(tenant, key.id(), key.user().login(), key.user().isAdministrator(), key.scope());
    }

    /** Records that a valid key asked for something outside its scope (a read key writing). */
    public void outOfScope(KeyCheck.Accepted caller, String clientAddress, String request) {
        units.inTransaction(caller.tenant(), em -> {
            em.persist(refusal(caller.login(), clientAddress, "API key " + caller.key() + " (" + caller.scope()
                    + "): " + request + " is outside its scope"));
            return null;
        });
    }

    private static SecurityEvent refusal(String login, String clientAddress, String detail) {
        return new SecurityEvent(SecurityEventKind.API_KEY_REFUSED, login, Reasons.fit(clientAddress, "", 64), null,
                Reasons.fit(detail, "", 500));
    }

    private KeyCheck refuseUnknown(String clientAddress, String reason) {
        if (throttle.withinAnonymousBudget(clientAddress)) {
            catalogEm.persist(new PlatformEvent(REFUSED, clientAddress, null, "API key: " + reason));
        }
        countFailure(clientAddress);
        return new KeyCheck.Refused(reason);
    }

    private void countFailure(String clientAddress) {
        if (throttle.fail(LoginThrottle.platformAddressKey(clientAddress), settings.addressFailuresBeforeBlock(),
                settings.addressBlock())) {
            catalogEm.persist(new PlatformEvent(PlatformEvent.ADDRESS_BLOCKED, clientAddress, null,
                    settings.addressFailuresBeforeBlock() + " failed sign-ins across the platform; blocked for "
                            + settings.addressBlock().toSeconds() + " s"));
        }
    }
}
