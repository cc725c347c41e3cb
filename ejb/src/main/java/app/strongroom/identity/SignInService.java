package app.strongroom.identity;

import app.strongroom.catalog.StaffMember;
import app.strongroom.catalog.StaffRole;
import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantSlug;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.user.UserAccount;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks credentials for both realms. Every path that refuses spends the time of one hash, so response time does not
 * reveal whether a tenant or login exists; a hash below the current iteration count is replaced on success (P2).
 */
@Stateless
@PermitAll
public class SignInService {
    @Inject
    PlatformSettings settings;
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

    public SignInOutcome signInTenantUser(String tenantName, String login, char[] password) {
        Optional<Tenant> tenant = slug(tenantName).flatMap(catalog::findBySlug).filter(Tenant::acceptsSignIn);
        Optional<String> normalisedLogin = normalisedLogin(login);
        if (tenant.isEmpty() || normalisedLogin.isEmpty()) {
            hasher.burn(password);
            return new SignInOutcome.Refused();
        }
        return units.inTransaction(tenant.get().id(), em -> {
            Optional<UserAccount> account = em.createNamedQuery(UserAccount.BY_LOGIN, UserAccount.class)
                    .setParameter("login", normalisedLogin.get()).getResultStream().findFirst()
                    .filter(UserAccount::maySignIn);
            if (account.isEmpty()) {
                hasher.burn(password);
                return new SignInOutcome.Refused();
            }
            if (!passwordMatches(password, account.get().passwordHash(), account.get()::replacePasswordHash)) {
                return new SignInOutcome.Refused();
            }
            Set<Role> roles = EnumSet.of(Role.TENANT_USER);
            if (account.get().isAdministrator()) {
                roles.add(Role.TENANT_ADMIN);
            }
            return new SignInOutcome.SignedIn(
                    new Caller.TenantUser(tenant.get().id(), account.get().login()).callerName(), roles);
        });
    }

    public SignInOutcome signInStaff(String login, char[] password) {
        Optional<StaffMember> staff = Optional.ofNullable(login).map(String::strip)
                .flatMap(l -> catalogEm.createNamedQuery(StaffMember.BY_LOGIN, StaffMember.class)
                        .setParameter("login", l).getResultStream().findFirst());
        if (staff.isEmpty()) {
            hasher.burn(password);
            return new SignInOutcome.Refused();
        }
        if (!passwordMatches(password, staff.get().passwordHash(), staff.get()::replacePasswordHash)) {
            return new SignInOutcome.Refused();
        }
        Role role = staff.get().role() == StaffRole.OPERATOR ? Role.PLATFORM_OPERATOR : Role.PLATFORM_HELPDESK;
        return new SignInOutcome.SignedIn(new Caller.Staff(staff.get().login()).callerName(), EnumSet.of(role));
    }

    /** Checks the password; on success stores a fresh hash through {@code rehash} if the stored one is too weak. */
    private boolean passwordMatches(char[] password, String storedHash, Consumer<String> rehash) {
        PasswordHasher.Verification check = hasher.verify(password, storedHash);
        if (check.matches() && check.needsRehash()) {
            rehash.accept(hasher.hash(password).format());
        }
        return check.matches();
    }

    private static Optional<TenantSlug> slug(String text) {
        try {
            return Optional.of(new TenantSlug(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> normalisedLogin(String login) {
        try {
            return Optional.of(UserAccount.normaliseLogin(login));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
