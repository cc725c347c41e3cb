package app.strongroom.account;

import app.strongroom.apikey.KeyRevocation;
import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantSlug;
import app.strongroom.identity.PasswordProblem;
import app.strongroom.identity.throttle.LoginThrottle;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.tenant.security.SecuritySettings;
import app.strongroom.tenant.user.PasswordLink;
import app.strongroom.tenant.user.UserStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

/**
 * Choosing a password through a link from an invitation or a reset mail. The link is looked up by the hash of its
 * token and locked for the transaction, so two submissions of one link cannot both succeed. Choosing a password
 * spends every open link of the user, ends all their sessions and lifts a sign-in lock on the login: whoever holds
 * the link has shown they read the user's mail.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SetPasswordService {
    @EJB
    TenantCatalog catalog;
    @EJB
    TenantUnits units;
    @Inject
    PlatformSettings settings;
    @Inject
    LoginThrottle throttle;

    public LinkState inspect(String company, String token) {
        Optional<Tenant> tenant = tenant(company);
        if (tenant.isEmpty() || token == null || token.isBlank()) {
            return new LinkState.Invalid();
        }
        return units.inTransaction(tenant.get().id(), em -> find(em, token, LockModeType.NONE)
                .map(link -> state(em, link, Instant.now())).orElseGet(LinkState.Invalid::new));
    }

    public PasswordChoice choose(String company, String token, char[] password, String clientAddress) {
        Optional<Tenant> tenant = tenant(company);
        if (tenant.isEmpty() || token == null || token.isBlank()) {
            return new PasswordChoice.LinkNotUsable(new LinkState.Invalid());
        }
        PasswordChoice choice = units.inTransaction(tenant.get().id(), em -> {
            Optional<PasswordLink> found = find(em, token, LockModeType.PESSIMISTIC_WRITE);
            if (found.isEmpty()) {
                return new PasswordChoice.LinkNotUsable(new LinkState.Invalid());
            }
            PasswordLink link = found.get();
            Instant now = Instant.now();
            LinkState state = state(em, link, now);
            if (!(state instanceof LinkState.Usable usable)) {
                return new PasswordChoice.LinkNotUsable(state);
            }
            Optional<String> problem = PasswordProblem.of(policy(em), password);
            if (problem.isPresent()) {
                return new PasswordChoice.Rejected(problem.get());
            }
            link.spend(now);
            PasswordLinks.revokeOpenLinks(em, link.user(), now);
            link.user().choosePassword(settings.passwordHasher().hash(password).format());
            KeyRevocation.revokeActiveKeys(em, link.user(), usable.login(), clientAddress, now,
                    "the password was reset through a mailed link");
            em.persist(new SecurityEvent(SecurityEventKind.PASSWORD_SET_THROUGH_LINK, usable.login(), clientAddress,
                    null, link.purpose() == PasswordLink.Purpose.INVITATION ? "invitation accepted" : "password reset"));
            return new PasswordChoice.Chosen(tenant.get().slug().value(), usable.login());
        });
        if (choice instanceof PasswordChoice.Chosen chosen) {
            throttle.clear(LoginThrottle.loginKey(tenant.get().id(), chosen.login()));
        }
        return choice;
    }

    private LinkState state(EntityManager em, PasswordLink link, Instant now) {
        if (link.user().status() == UserStatus.DEACTIVATED) {
            return new LinkState.Invalid();
        }
        return switch (link.stateAt(now)) {
            case USABLE -> new LinkState.Usable(link.user().login(), link.purpose(), policy(em).minimumLength());
            case EXPIRED -> new LinkState.Expired();
            case USED -> new LinkState.Invalid();
        };
    }

    private static app.strongroom.identity.PasswordPolicy policy(EntityManager em) {
        return em.find(SecuritySettings.class, SecuritySettings.THE_ROW).passwordPolicy();
    }

    private static Optional<PasswordLink> find(EntityManager em, String token, LockModeType lock) {
        return em.createNamedQuery(PasswordLink.BY_TOKEN_HASH, PasswordLink.class)
                .setParameter("hash", PasswordLink.sha256(token)).setLockMode(lock).getResultStream().findFirst();
    }

    private Optional<Tenant> tenant(String company) {
        return TenantSlug.parse(company).flatMap(catalog::findBySlug).filter(Tenant::acceptsSignIn);
    }
}
