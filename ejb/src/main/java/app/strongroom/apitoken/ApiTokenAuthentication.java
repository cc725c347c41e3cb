package app.strongroom.apitoken;

import app.strongroom.catalog.PlatformEvent;
import app.strongroom.catalog.StaffRole;
import app.strongroom.catalog.apitoken.StaffApiToken;
import app.strongroom.catalog.apitoken.StaffApiTokenId;
import app.strongroom.catalog.apitoken.TokenState;
import app.strongroom.identity.Role;
import app.strongroom.identity.throttle.LoginThrottle;
import app.strongroom.platform.PlatformSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a token presented to the API, before anyone is signed in. The token's owner and role are read at this
 * moment, so a member whose role changed acts with the new one and a deleted member's tokens are gone with them.
 * Every refusal is recorded in the platform's audit trail with the token's id and owner when known, never the token;
 * each also counts against the client's address like a failed sign-in, so an address trying tokens is blocked
 * platform-wide as one trying passwords is.
 */
@Stateless
@PermitAll
public class ApiTokenAuthentication {
    public static final String REFUSED = "API_TOKEN_REFUSED";
    public static final String FORBIDDEN = "API_ACCESS_DENIED";

    @PersistenceContext(unitName = "catalog")
    EntityManager em;
    @Inject
    LoginThrottle throttle;
    @Inject
    PlatformSettings settings;

    private final Clock clock = Clock.systemUTC();

    /** {@code presented}: what followed "Bearer " in the request, or empty when the request carried another scheme. */
    public TokenCheck check(Optional<String> presented, String clientAddress) {
        if (throttle.anyLocked(Set.of(LoginThrottle.platformAddressKey(clientAddress)))) {
            // Neither counted nor written, as a sign-in refused while locked: a request every few minutes must not
            // keep an address (a whole office behind one) blocked for ever, nor fill the platform's trail.
            return new TokenCheck.Refused(Optional.empty(), Optional.empty(),
                    "too many failed sign-ins from this address; try later");
        }
        Optional<String> digest = presented.flatMap(StaffApiToken::digestOf);
        if (digest.isEmpty()) {
            return refuse(Optional.empty(), clientAddress, "the credential is not a Strongroom staff API token");
        }
        Optional<StaffApiToken> token = em.createNamedQuery(StaffApiToken.BY_DIGEST, StaffApiToken.class)
                .setParameter("digest", digest.get()).getResultStream().findFirst();
        if (token.isEmpty()) {
            return refuse(Optional.empty(), clientAddress, "the token is not known");
        }
        Instant now = clock.instant();
        TokenState state = token.get().stateAt(now);
        if (state == TokenState.REVOKED) {
            return refuse(token, clientAddress, "the token was revoked");
        }
        if (state == TokenState.EXPIRED) {
            return refuse(token, clientAddress, "the token expired at " + token.get().expiresAt());
        }
        token.get().usedFrom(clientAddress, now);
        Role role = token.get().staff().role() == StaffRole.OPERATOR ? Role.PLATFORM_OPERATOR : Role.PLATFORM_HELPDESK;
        return new TokenCheck.Accepted(token.get().id(), token.get().staff().login(), role);
    }

    /** Records that a valid token asked for something its owner's role does not allow. */
    public void forbidden(StaffApiTokenId token, String login, String clientAddress, String request) {
        em.persist(new PlatformEvent(FORBIDDEN, clientAddress, login, fit("API token " + token + ": " + request
                + " is not allowed to this staff member's role")));
    }

    private TokenCheck.Refused refuse(Optional<StaffApiToken> token, String clientAddress, String reason) {
        Optional<String> login = token.map(t -> t.staff().login());
        // A known token's refusal is always written; garbage and unknown tokens within a budget per network.
        if (token.isPresent() || throttle.withinAnonymousBudget(clientAddress)) {
            em.persist(new PlatformEvent(REFUSED, clientAddress, login.orElse(null),
                    fit(token.map(t -> "API token " + t.id() + ": ").orElse("API token: ") + reason)));
        }
        if (throttle.fail(LoginThrottle.platformAddressKey(clientAddress), settings.addressFailuresBeforeBlock(),
                settings.addressBlock())) {
            em.persist(new PlatformEvent(PlatformEvent.ADDRESS_BLOCKED, clientAddress, login.orElse(null),
                    settings.addressFailuresBeforeBlock() + " failed sign-ins across the platform; blocked for "
                            + settings.addressBlock().toSeconds() + " s"));
        }
        return new TokenCheck.Refused(token.map(StaffApiToken::id), login, reason);
    }

    private static String fit(String detail) {
        return detail.length() <= 500 ? detail : detail.substring(0, 500);
    }
}
