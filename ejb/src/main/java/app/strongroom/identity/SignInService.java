package app.strongroom.identity;

import app.strongroom.catalog.PlatformEvent;
import app.strongroom.catalog.StaffMember;
import app.strongroom.catalog.StaffRole;
import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.TenantSlug;
import app.strongroom.identity.throttle.LoginThrottle;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.security.LockoutRules;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.tenant.security.SecuritySettings;
import app.strongroom.tenant.user.UserAccount;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks credentials for both realms. Throttling is consulted first: a locked login, a locked address or a blocked
 * address is refused before any hash is computed (P3). Otherwise every refusing path spends the time of one hash, so
 * response time does not reveal whether a tenant or login exists; a hash below the current iteration count is
 * replaced on success (P2). All refusals look alike to the caller.
 */
@Stateless
@PermitAll
public class SignInService {
    @Inject
    PlatformSettings settings;
    @Inject
    LoginThrottle throttle;
    @Inject
    KnownTenants knownTenants;
    @Inject
    SignInStatistics statistics;
    @EJB
    TenantCatalog catalog;
    @EJB
    TenantUnits units;
    @PersistenceContext(unitName = "catalog")
    EntityManager catalogEm;

    private PasswordHasher hasher;

    @PostConstruct
    void init() {
        hasher = settings.passwordHasher();
    }

    public SignInOutcome signInTenantUser(String tenantName, String login, char[] password, String clientAddress) {
        long start = System.nanoTime();
        Optional<TenantSlug> slug = TenantSlug.parse(tenantName);
        Optional<String> normalisedLogin = UserAccount.parseLogin(login);
        Optional<TenantId> known = slug.flatMap(knownTenants::idOf);
        if (locked(known, normalisedLogin, clientAddress)) {
            // Refused at once, with one question to the grid and none to any database. Not counted towards the
            // platform guard: it costs nothing, and the failures that made the lock were counted.
            statistics.lockedRefusal(System.nanoTime() - start);
            return new SignInOutcome.Refused();
        }
        Optional<Tenant> tenant = slug.flatMap(catalog::findBySlug).filter(Tenant::acceptsSignIn);
        if (tenant.isEmpty() || normalisedLogin.isEmpty()) {
            hasher.burn(password);
            countPlatformFailure(clientAddress, null);
            return new SignInOutcome.Refused();
        }
        TenantId id = tenant.get().id();
        knownTenants.remember(slug.get(), id);
        // A lock exists only while the tenant's rules enable locking (turning them off lifts every lock), so it is
        // checked before the tenant's database is touched: a locked sign-in costs no hash and no query there.
        if (!known.equals(Optional.of(id)) && locked(Optional.of(id), normalisedLogin, clientAddress)) {
            statistics.lockedRefusal(System.nanoTime() - start);
            return new SignInOutcome.Refused();
        }
        SignInOutcome outcome = units.inTransaction(id, em -> checkTenantUser(em, id, normalisedLogin.get(), password,
                clientAddress));
        if (outcome instanceof SignInOutcome.Refused) {
            countPlatformFailure(clientAddress, null);
        }
        return outcome;
    }

    /** The address blocked platform-wide, or (when the tenant is known) the login or the address locked there. */
    private boolean locked(Optional<TenantId> tenant, Optional<String> login, String clientAddress) {
        Set<String> keys = new HashSet<>();
        keys.add(LoginThrottle.platformAddressKey(clientAddress));
        tenant.ifPresent(id -> {
            keys.add(LoginThrottle.tenantAddressKey(id, clientAddress));
            login.ifPresent(l -> keys.add(LoginThrottle.loginKey(id, l)));
        });
        return throttle.anyLocked(keys);
    }

    private SignInOutcome checkTenantUser(EntityManager em, TenantId tenant, String login, char[] password,
                                          String clientAddress) {
        LockoutRules rules = em.find(SecuritySettings.class, SecuritySettings.THE_ROW).lockoutRules();
        String loginKey = LoginThrottle.loginKey(tenant, login);
        String addressKey = LoginThrottle.tenantAddressKey(tenant, clientAddress);
        Optional<UserAccount> account = UserAccount.byLogin(em, login).filter(UserAccount::maySignIn);
        if (account.isEmpty()) {
            hasher.burn(password);
        } else if (passwordMatches(password, account.get().passwordHash().orElseThrow(), account.get()::replacePasswordHash)) {
            throttle.clear(loginKey);
            Set<Role> roles = EnumSet.of(Role.TENANT_USER);
            if (account.get().isAdministrator()) {
                roles.add(Role.TENANT_ADMIN);
            }
            return new SignInOutcome.SignedIn(new Caller.TenantUser(tenant, login).callerName(), roles,
                    account.get().sessionEpoch());
        }
        if (rules.enabled()) {
            String until = "locked for " + rules.cooldown().toSeconds() + " s";
            if (throttle.fail(loginKey, rules.lockAfter(), rules.cooldown())) {
                em.persist(new SecurityEvent(SecurityEventKind.ACCOUNT_LOCKED, login, clientAddress, null,
                        rules.lockAfter() + " failed sign-ins in a row; " + until));
            }
            if (throttle.fail(addressKey, rules.addressLockAfter(), rules.cooldown())) {
                em.persist(new SecurityEvent(SecurityEventKind.ADDRESS_LOCKED, login, clientAddress, null,
                        rules.addressLockAfter() + " failed sign-ins from this address; " + until));
            }
        }
        return new SignInOutcome.Refused();
    }

    public SignInOutcome signInStaff(String login, char[] password, String clientAddress) {
        String staffKey = LoginThrottle.staffKey(String.valueOf(login).strip());
        if (throttle.lockedUntil(LoginThrottle.platformAddressKey(clientAddress)).isPresent()
                || throttle.lockedUntil(staffKey).isPresent()) {
            return new SignInOutcome.Refused();
        }
        Optional<StaffMember> staff = Optional.ofNullable(login).map(String::strip)
                .flatMap(l -> catalogEm.createNamedQuery(StaffMember.BY_LOGIN, StaffMember.class)
                        .setParameter("login", l).getResultStream().findFirst());
        if (staff.isEmpty()) {
            hasher.burn(password);
        } else if (passwordMatches(password, staff.get().passwordHash(), staff.get()::replacePasswordHash)) {
            throttle.clear(staffKey);
            Role role = staff.get().role() == StaffRole.OPERATOR ? Role.PLATFORM_OPERATOR : Role.PLATFORM_HELPDESK;
            return new SignInOutcome.SignedIn(new Caller.Staff(staff.get().login()).callerName(), EnumSet.of(role), 0);
        }
        if (throttle.fail(staffKey, settings.staffFailuresBeforeLock(), settings.staffLock())) {
            catalogEm.persist(new PlatformEvent(PlatformEvent.STAFF_LOCKED, clientAddress, truncate(login),
                    settings.staffFailuresBeforeLock() + " failed staff sign-ins in a row"));
        }
        countPlatformFailure(clientAddress, login);
        return new SignInOutcome.Refused();
    }

    private void countPlatformFailure(String clientAddress, String login) {
        if (throttle.fail(LoginThrottle.platformAddressKey(clientAddress), settings.addressFailuresBeforeBlock(),
                settings.addressBlock())) {
            catalogEm.persist(new PlatformEvent(PlatformEvent.ADDRESS_BLOCKED, clientAddress, truncate(login),
                    settings.addressFailuresBeforeBlock() + " failed sign-ins across the platform; blocked for "
                            + settings.addressBlock().toSeconds() + " s"));
        }
    }

    /** Checks the password; on success stores a fresh hash through {@code rehash} if the stored one is too weak. */
    private boolean passwordMatches(char[] password, String storedHash, Consumer<String> rehash) {
        PasswordHasher.Verification check = hasher.verify(password, storedHash);
        if (check.matches() && check.needsRehash()) {
            rehash.accept(hasher.hash(password).format());
        }
        return check.matches();
    }

    private static String truncate(String text) {
        return text == null ? null : text.substring(0, Math.min(64, text.length()));
    }
}
