package app.strongroom.portal;

import java.time.Instant;

/** What "Send to customer" did. */
public sealed interface LinkSending {
    /** The link was mailed to the order's customer; it works until {@code expiresAt}. */
    record Sent(Instant expiresAt) implements LinkSending {
    }

    /** The order's customer has no e-mail address: nothing was sent or changed. */
    record NoEmail() implements LinkSending {
    }

    /** The order's customer was mailed {@link PortalLinksService#MAILS_PER_ORDER_PER_HOUR} links this hour already. */
    record TooMany() implements LinkSending {
    }

    /** The tenant mailed {@code strongroom.portal.mails-per-hour} links this hour already. */
    record CompanyTooMany() implements LinkSending {
    }

    /** No such order under the caller's rights and rules. */
    record NotFound() implements LinkSending {
    }
}
