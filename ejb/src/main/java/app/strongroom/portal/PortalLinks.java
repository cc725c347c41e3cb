package app.strongroom.portal;

import app.strongroom.catalog.Tenant;
import app.strongroom.common.EmailAddress;
import app.strongroom.mail.OutgoingMail;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenant.sales.SalesOrder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.ResourceBundle;

/** The platform's portal link signer, and the mail that carries a link. */
@ApplicationScoped
public class PortalLinks {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    PlatformSettings settings;

    private PortalLinkSigner signer;

    @PostConstruct
    void start() {
        signer = PortalLinkSigner.ofMasterKeys(settings.masterKeyMaterials(), Clock.systemUTC());
    }

    public PortalLinkSigner signer() {
        return signer;
    }

    /** When a link signed now stops working. */
    public Instant expiryFromNow() {
        return Instant.now().plus(settings.portalLinkLifetime()).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The link's address comes from the configured public address, never from a request's Host header. */
    URI link(String token) {
        return settings.publicUrl().resolve("portal/order.xhtml?link=" + token);
    }

    OutgoingMail mail(Tenant tenant, SalesOrder order, EmailAddress to, String token, Instant expiresAt) {
        ResourceBundle texts = ResourceBundle.getBundle("app.strongroom.mail.mails", Locale.ROOT,
                PortalLinks.class.getClassLoader());
        return new OutgoingMail(to, MessageFormat.format(texts.getString("portal.subject"), tenant.companyName(),
                order.number()), MessageFormat.format(texts.getString("portal.body"), tenant.companyName(),
                order.number(), order.customer().name(), UNTIL.format(expiresAt), link(token).toString()));
    }
}
