package app.strongroom.account;

import app.strongroom.apikey.KeyRevocation;
import app.strongroom.identity.Caller;
import app.strongroom.identity.PasswordHasher;
import app.strongroom.identity.PasswordProblem;
import app.strongroom.identity.Role;
import app.strongroom.identity.throttle.LoginThrottle;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.security.LockoutRules;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.tenant.security.SecuritySettings;
import app.strongroom.tenant.user.UserAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A signed-in user changes their own password. The current password is required and wrong ones count towards the
 * login's sign-in lock, so a borrowed session cannot be used to guess it. The change ends every other session.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangePasswordService {
    @Inject
    TenantData tenantData;
    @Inject
    PlatformSettings settings;
    @Inject
    LoginThrottle throttle;

    public PasswordChange change(char[] current, char[] next, String clientAddress) {
        Caller.TenantUser caller = tenantData.caller();
        String loginKey = LoginThrottle.loginKey(caller.tenant(), caller.login());
        PasswordHasher hasher = settings.passwordHasher();
        return tenantData.inTransaction(em -> {
            SecuritySettings security = em.find(SecuritySettings.class, SecuritySettings.THE_ROW);
            LockoutRules rules = security.lockoutRules();
            if (rules.enabled() && throttle.lockedUntil(loginKey).isPresent()) {
                return new PasswordChange.CurrentPasswordWrong();
            }
            UserAccount user = UserAccount.byLogin(em, caller.login()).orElseThrow();
            if (!hasher.verify(current, user.passwordHash().orElseThrow()).matches()) {
                if (rules.enabled() && throttle.fail(loginKey, rules.lockAfter(), rules.cooldown())) {
                    em.persist(new SecurityEvent(SecurityEventKind.ACCOUNT_LOCKED, caller.login(), clientAddress, null,
                            rules.lockAfter() + " wrong current passwords on the password page; locked for "
                                    + rules.cooldown().toSeconds() + " s"));
                }
                return new PasswordChange.CurrentPasswordWrong();
            }
            Optional<String> problem = PasswordProblem.of(security.passwordPolicy(), next);
            if (problem.isEmpty() && Arrays.equals(current, next)) {
                problem = Optional.of("must differ from the current one");
            }
            if (problem.isPresent()) {
                return new PasswordChange.Rejected(problem.get());
            }
            long epoch = user.choosePassword(hasher.hash(next).format());
            Instant now = Instant.now();
            PasswordLinks.revokeOpenLinks(em, user, now);
            int keys = KeyRevocation.revokeActiveKeys(em, user, caller.login(), clientAddress, now,
                    "the password was changed");
            em.persist(new SecurityEvent(SecurityEventKind.PASSWORD_CHANGED, caller.login(), clientAddress,
                    caller.login(), "changed by the user; other sessions ended"));
            return new PasswordChange.Changed(epoch, keys);
        });
    }
}
