package app.strongroom.account;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantSlug;
import app.strongroom.identity.throttle.LoginThrottle;
import app.strongroom.mail.MailFailure;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.tenant.user.PasswordLink;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Forgot password". The page answers the same at once whatever was typed; the work runs afterwards, on another
 * thread, so neither the answer nor its timing tells whether the company or login exists. A link goes out only to an
 * account that exists and is not deactivated, and at most a few times an hour per login and per address.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ForgotPasswordService {
    private static final Logger LOG = Logger.getLogger(ForgotPasswordService.class.getName());
    private static final int REQUESTS_PER_ADDRESS = 20;
    private static final Duration MAIL_PAUSE = Duration.ofHours(1);

    @EJB
    TenantCatalog catalog;
    @EJB
    TenantUnits units;
    @Inject
    PasswordLinks links;
    @Inject
    LoginThrottle throttle;
    @Inject
    PlatformSettings settings;

    @Asynchronous
    public void requestLink(String company, String login, String clientAddress) {
        String addressKey = LoginThrottle.linkRequestAddressKey(clientAddress);
        if (throttle.lockedUntil(addressKey).isPresent()) {
            return;
        }
        throttle.fail(addressKey, REQUESTS_PER_ADDRESS, MAIL_PAUSE);
        Optional<Tenant> tenant = TenantSlug.parse(company).flatMap(catalog::findBySlug).filter(Tenant::acceptsSignIn);
        Optional<String> normalised = UserAccount.parseLogin(login);
        if (tenant.isEmpty() || normalised.isEmpty()) {
            return;
        }
        String mailKey = LoginThrottle.linkMailKey(tenant.get().id(), normalised.get());
        if (throttle.lockedUntil(mailKey).isPresent()) {
            return;
        }
        try {
            units.inTransaction(tenant.get().id(), em -> {
                UserAccount.byLogin(em, normalised.get()).filter(u -> u.status() != UserStatus.DEACTIVATED)
                        .ifPresent(user -> {
                            throttle.fail(mailKey, settings.resetMailsPerHour(), MAIL_PAUSE);
                            PasswordLink.Purpose purpose = user.status() == UserStatus.INVITED
                                    ? PasswordLink.Purpose.INVITATION : PasswordLink.Purpose.RESET;
                            links.issueAndSend(em, tenant.get(), user, purpose, null);
                            em.persist(new SecurityEvent(SecurityEventKind.PASSWORD_LINK_SENT, user.login(),
                                    clientAddress, null, "asked for through \"forgot password\""));
                        });
                return null;
            });
        } catch (MailFailure e) {
            LOG.log(Level.WARNING, "a password link for tenant " + tenant.get().id() + " was not sent: " + e.getMessage());
        }
    }

}
