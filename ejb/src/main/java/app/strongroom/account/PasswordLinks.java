package app.strongroom.account;

import app.strongroom.catalog.Tenant;
import app.strongroom.mail.Mailer;
import app.strongroom.mail.OutgoingMail;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenant.user.PasswordLink;
import app.strongroom.tenant.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Makes a password link and mails it. The token exists only in the mail: the database keeps its hash, and neither the
 * administrator who asked nor any log sees it. Only the newest link of a user works.
 */
@ApplicationScoped
public class PasswordLinks {
    @Inject
    PlatformSettings settings;
    @Inject
    Mailer mailer;

    /** Stores a new link for {@code user} in {@code em} and sends it; a {@code MailFailure} leaves the caller to roll back. */
    public void issueAndSend(EntityManager em, Tenant tenant, UserAccount user, PasswordLink.Purpose purpose,
                             String requestedBy) {
        Instant now = Instant.now();
        revokeOpenLinks(em, user, now);
        Duration lifetime = purpose == PasswordLink.Purpose.INVITATION
                ? settings.invitationLinkLifetime() : settings.resetLinkLifetime();
        PasswordLink.Issued issued = PasswordLink.issue(user, purpose, now, lifetime, requestedBy);
        em.persist(issued.link());
        em.flush();
        mailer.send(compose(tenant, user, purpose, lifetime, link(tenant, issued.token())));
    }

    /** Spends every open link of {@code user}: a password was chosen, or a newer link replaces them. */
    public static void revokeOpenLinks(EntityManager em, UserAccount user, Instant now) {
        em.createNamedQuery(PasswordLink.OPEN_FOR_USER, PasswordLink.class).setParameter("user", user)
                .getResultList().forEach(l -> l.revoke(now));
    }

    URI link(Tenant tenant, String token) {
        return settings.publicUrl().resolve("set-password.xhtml?company="
                + URLEncoder.encode(tenant.slug().value(), StandardCharsets.UTF_8) + "&token=" + token);
    }

    private static OutgoingMail compose(Tenant tenant, UserAccount user, PasswordLink.Purpose purpose,
                                        Duration lifetime, URI link) {
        ResourceBundle texts = ResourceBundle.getBundle("app.strongroom.mail.mails", Locale.ROOT,
                PasswordLinks.class.getClassLoader());
        if (purpose == PasswordLink.Purpose.INVITATION) {
            return new OutgoingMail(user.email(),
                    MessageFormat.format(texts.getString("invitation.subject"), tenant.companyName()),
                    MessageFormat.format(texts.getString("invitation.body"), tenant.companyName(), user.login(),
                            Long.toString(lifetime.toHours()), link.toString(), tenant.slug().value()));
        }
        return new OutgoingMail(user.email(),
                MessageFormat.format(texts.getString("reset.subject"), tenant.companyName()),
                MessageFormat.format(texts.getString("reset.body"), tenant.companyName(), user.login(),
                        Long.toString(lifetime.toMinutes()), link.toString()));
    }
}
