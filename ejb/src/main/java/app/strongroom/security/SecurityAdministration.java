package app.strongroom.security;

import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import app.strongroom.identity.throttle.LoginThrottle;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.tenant.security.SecuritySettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant administrator's security use cases, on the caller's own tenant only. */
@Stateless
@RolesAllowed(Role.Names.TENANT_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SecurityAdministration {
    private static final int RECENT_EVENTS = 50;

    @Inject
    TenantData tenantData;
    @Inject
    LoginThrottle throttle;

    public SecuritySettingsView settings() {
        return tenantData.inTransaction(em -> view(the(em)));
    }

    public SettingsChange change(int lockAfter, int cooldownSeconds, int minPasswordLength, long version) {
        Caller.TenantUser caller = tenantData.caller();
        return tenantData.inTransaction(em -> {
            SecuritySettings settings = the(em);
            if (settings.version() != version) {
                return new SettingsChange.Stale();
            }
            try {
                settings.change(lockAfter, cooldownSeconds, minPasswordLength);
            } catch (IllegalArgumentException invalid) {
                return new SettingsChange.Refused(invalid.getMessage());
            }
            em.persist(new SecurityEvent(SecurityEventKind.SETTINGS_CHANGED, null, null, caller.login(),
                    "lock after " + lockAfter + " failures, cooldown " + cooldownSeconds + " s, minimum password length "
                            + minPasswordLength));
            if (!settings.lockoutRules().enabled()) {
                liftRecentLocks(em, caller);
            }
            return new SettingsChange.Saved();
        });
    }

    /** Logins whose recorded lock is still in force in the shared throttle state. */
    public List<LockedLogin> lockedLogins() {
        Caller.TenantUser caller = tenantData.caller();
        return tenantData.inTransaction(em -> {
            Map<String, LockedLogin> locked = new LinkedHashMap<>();
            for (SecurityEvent lock : locksThatMayRun(em, SecurityEventKind.ACCOUNT_LOCKED)) {
                if (!locked.containsKey(lock.login())) {
                    throttle.lockedUntil(LoginThrottle.loginKey(caller.tenant(), lock.login())).ifPresent(until ->
                            locked.put(lock.login(), new LockedLogin(lock.login(), until, lock.clientAddress())));
                }
            }
            return List.copyOf(locked.values());
        });
    }

    /** Lifts a lock at once; false when the login was not locked. */
    public boolean unlock(String login) {
        Caller.TenantUser caller = tenantData.caller();
        String key = LoginThrottle.loginKey(caller.tenant(), login);
        Optional<?> lock = throttle.lockedUntil(key);
        if (lock.isEmpty()) {
            return false;
        }
        throttle.clear(key);
        tenantData.inTransaction(em -> {
            em.persist(new SecurityEvent(SecurityEventKind.ACCOUNT_UNLOCKED, login, null, caller.login(),
                    "unlocked by an administrator"));
            return null;
        });
        return true;
    }

    /**
     * Locking turned off lifts the locks in force: sign-in checks a lock before reading the tenant's rules, so a
     * lock must not outlive the rules that made it. Every lock that may still run is in the audit trail.
     */
    private void liftRecentLocks(EntityManager em, Caller.TenantUser caller) {
        for (SecurityEventKind kind : List.of(SecurityEventKind.ACCOUNT_LOCKED, SecurityEventKind.ADDRESS_LOCKED)) {
            for (SecurityEvent lock : locksThatMayRun(em, kind)) {
                throttle.clear(kind == SecurityEventKind.ACCOUNT_LOCKED
                        ? LoginThrottle.loginKey(caller.tenant(), lock.login())
                        : LoginThrottle.tenantAddressKey(caller.tenant(), lock.clientAddress()));
            }
        }
    }

    /** Lock events recent enough that the lock may still be in force (no cooldown is longer). */
    private static List<SecurityEvent> locksThatMayRun(EntityManager em, SecurityEventKind kind) {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(SecuritySettings.MAX_COOLDOWN_SECONDS);
        return em.createNamedQuery(SecurityEvent.SINCE, SecurityEvent.class).setParameter("since", since)
                .setParameter("kind", kind).getResultList();
    }

    public List<SecurityEventView> recentEvents() {
        return tenantData.inTransaction(em -> em.createNamedQuery(SecurityEvent.LATEST, SecurityEvent.class)
                .setMaxResults(RECENT_EVENTS).getResultStream()
                .map(e -> new SecurityEventView(e.occurredAt(), e.kind().name(), e.login(), e.clientAddress(), e.actor(),
                        e.detail()))
                .toList());
    }

    private static SecuritySettings the(EntityManager em) {
        return em.find(SecuritySettings.class, SecuritySettings.THE_ROW);
    }

    private static SecuritySettingsView view(SecuritySettings s) {
        return new SecuritySettingsView(s.lockAfterFailures(), s.cooldownSeconds(), s.minPasswordLength(), s.version());
    }
}
