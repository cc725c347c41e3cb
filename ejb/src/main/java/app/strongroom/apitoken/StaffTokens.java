package app.strongroom.apitoken;

import app.strongroom.catalog.PlatformEvent;
import app.strongroom.catalog.StaffMember;
import app.strongroom.catalog.apitoken.StaffApiToken;
import app.strongroom.catalog.apitoken.StaffApiTokenId;
import app.strongroom.common.InvalidValue;
import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A staff member's own API tokens: made, listed and revoked by their owner only (nobody sees or revokes another
 * member's). Making and revoking are in the platform's audit trail.
 */
@Stateless
@RolesAllowed({Role.Names.PLATFORM_OPERATOR, Role.Names.PLATFORM_HELPDESK})
public class StaffTokens {
    public static final String CREATED = "API_TOKEN_CREATED";
    public static final String REVOKED = "API_TOKEN_REVOKED";
    /** Enough for a laptop, a few scripts and a spare; more is a sign of tokens nobody keeps track of. */
    public static final int MAX_ACTIVE = 10;

    @PersistenceContext(unitName = "catalog")
    EntityManager em;
    @Inject
    SecurityContext security;

    private final Clock clock = Clock.systemUTC();

    public TokenIssue create(String name, int days, String clientAddress) {
        StaffMember me = me();
        Instant now = clock.instant();
        long active = em.createNamedQuery(StaffApiToken.ACTIVE_OF_STAFF, Long.class).setParameter("staff", me)
                .setParameter("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .getSingleResult();
        if (active >= MAX_ACTIVE) {
            return new TokenIssue.Refused("", "You have " + MAX_ACTIVE + " active tokens; revoke one first.");
        }
        StaffApiToken.Issued issued;
        try {
            issued = StaffApiToken.issue(me, name, days, now);
        } catch (InvalidValue invalid) {
            return new TokenIssue.Refused(invalid.field(), invalid.rule());
        }
        em.persist(issued.token());
        em.persist(new PlatformEvent(CREATED, clientAddress, me.login(), "API token " + issued.token().id() + " \""
                + issued.token().name() + "\", expires " + issued.token().expiresAt()));
        return new TokenIssue.Issued(TokenView.of(issued.token(), now), issued.secret());
    }

    /** The caller's tokens, newest first, revoked and expired ones included (the audit trail names them). */
    public List<TokenView> mine() {
        Instant now = clock.instant();
        return em.createNamedQuery(StaffApiToken.OF_STAFF, StaffApiToken.class).setParameter("staff", me())
                .getResultStream().map(t -> TokenView.of(t, now)).toList();
    }

    /** Revokes one of the caller's own tokens; false when the caller has no such token. */
    public boolean revoke(String id, String clientAddress) {
        StaffMember me = me();
        Optional<StaffApiToken> token = parse(id).map(t -> em.find(StaffApiToken.class, t.value()))
                .filter(t -> t.belongsTo(me));
        token.ifPresent(t -> {
            t.revoke(clock.instant());
            em.persist(new PlatformEvent(REVOKED, clientAddress, me.login(), "API token " + t.id() + " \""
                    + t.name() + "\""));
        });
        return token.isPresent();
    }

    private static Optional<StaffApiTokenId> parse(String id) {
        try {
            return Optional.of(StaffApiTokenId.parse(id));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return Optional.empty();
        }
    }

    private StaffMember me() {
        if (!(Caller.of(security.getCallerPrincipal()) instanceof Caller.Staff staff)) {
            throw new IllegalStateException("only a staff member has API tokens");
        }
        return em.createNamedQuery(StaffMember.BY_LOGIN, StaffMember.class).setParameter("login", staff.login())
                .getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("staff member " + staff.login() + " no longer exists"));
    }
}
