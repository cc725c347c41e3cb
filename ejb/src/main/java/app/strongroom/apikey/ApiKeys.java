package app.strongroom.apikey;

import app.strongroom.common.InvalidValue;
import app.strongroom.common.Reasons;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.apikey.ApiKey;
import app.strongroom.tenant.apikey.ApiKeyScope;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.tenant.user.UserAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A tenant user's API keys: each user makes, lists and revokes their own; the administrator also sees and revokes
 * every key of the tenant. Making and revoking are in the tenant's audit trail.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApiKeys {
    /** Enough for a few scripts and a spare; more is a sign of keys nobody keeps track of. */
    public static final int MAX_ACTIVE = 10;

    @Inject
    TenantData tenantData;

    private final Clock clock = Clock.systemUTC();

    /**
     * Makes a key for the caller, whose session signed in at {@code sessionEpoch}. The account's row is locked and its
     * epoch compared: a key asked for while the password changes or the account is deactivated is either made first,
     * and then revoked with the others ({@link KeyRevocation}), or refused here.
     */
    public KeyIssue create(String name, ApiKeyScope scope, int days, String clientAddress, long sessionEpoch) {
        if (scope == null) {
            return new KeyIssue.Refused("scope", "is required");
        }
        var caller = tenantData.caller();
        return tenantData.inTransaction(em -> {
            UserAccount me = me(em);
            em.refresh(me, LockModeType.PESSIMISTIC_WRITE);
            if (!me.maySignIn() || me.sessionEpoch() != sessionEpoch) {
                return new KeyIssue.Refused("", "Your session has ended; sign in again.");
            }
            Instant now = clock.instant();
            long active = em.createNamedQuery(ApiKey.ACTIVE_OF_USER, Long.class).setParameter("user", me)
                    .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).getSingleResult();
            if (active >= MAX_ACTIVE) {
                return new KeyIssue.Refused("", "You have " + MAX_ACTIVE + " active keys; revoke one first.");
            }
            ApiKey.Issued issued;
            try {
                issued = ApiKey.issue(caller.tenant(), me, name, scope, days, now);
            } catch (InvalidValue invalid) {
                return new KeyIssue.Refused(invalid.field(), invalid.rule());
            }
            em.persist(issued.key());
            em.flush();
            em.persist(new SecurityEvent(SecurityEventKind.API_KEY_CREATED, me.login(), fitAddress(clientAddress),
                    me.login(), Reasons.fit("API key " + issued.key().id() + " \"" + issued.key().name() + "\", "
                    + scope + ", expires " + issued.key().expiresAt(), "", 500)));
            return new KeyIssue.Issued(KeyView.of(issued.key(), now), issued.secret());
        });
    }

    /** The caller's keys, newest first, revoked and expired ones included (the audit trail names them). */
    public List<KeyView> mine() {
        Instant now = clock.instant();
        return tenantData.inTransaction(em -> em.createNamedQuery(ApiKey.OF_USER, ApiKey.class)
                .setParameter("user", me(em)).getResultStream().map(k -> KeyView.of(k, now)).toList());
    }

    /** Every key of the tenant, for its administrator. */
    @RolesAllowed(Role.Names.TENANT_ADMIN)
    public List<KeyView> all() {
        Instant now = clock.instant();
        return tenantData.inTransaction(em -> {
            requireAdministrator(me(em));
            return em.createNamedQuery(ApiKey.ALL, ApiKey.class).getResultStream().map(k -> KeyView.of(k, now))
                    .toList();
        });
    }

    /**
     * Revokes a key: one of the caller's own, or any of the tenant's when the caller administers it now. Answers the
     * revoked key's name; nothing when there is no such key the caller may revoke.
     */
    public Optional<String> revoke(long id, String clientAddress) {
        return tenantData.inTransaction(em -> {
            UserAccount me = me(em);
            Optional<ApiKey> key = Optional.ofNullable(em.find(ApiKey.class, id))
                    .filter(k -> k.belongsTo(me.login()) || me.isAdministrator());
            key.ifPresent(k -> {
                k.revoke(me.login(), clock.instant());
                em.persist(new SecurityEvent(SecurityEventKind.API_KEY_REVOKED, k.user().login(),
                        fitAddress(clientAddress), me.login(), Reasons.fit("API key " + k.id() + " \"" + k.name()
                        + "\"", "", 500)));
            });
            return key.map(ApiKey::name);
        });
    }

    private UserAccount me(EntityManager em) {
        String login = tenantData.caller().login();
        return UserAccount.byLogin(em, login).filter(UserAccount::maySignIn)
                .orElseThrow(() -> new jakarta.ejb.EJBAccessException("user " + login + " may no longer sign in"));
    }

    private static void requireAdministrator(UserAccount me) {
        if (!me.isAdministrator()) {
            throw new jakarta.ejb.EJBAccessException("only the tenant's administrators see every key");
        }
    }

    private static String fitAddress(String clientAddress) {
        return Reasons.fit(clientAddress, "", 64);
    }
}
