package app.strongroom.web.portal;

import app.strongroom.mail.MailFailure;
import app.strongroom.portal.LinkSending;
import app.strongroom.portal.PortalLinksService;
import app.strongroom.records.Change;
import app.strongroom.web.Messages;
import app.strongroom.web.records.Refusals;
import app.strongroom.web.signin.Authentication;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "Send to customer" and "Revoke customer links" on an order, and the administrator's "revoke every link". */
@Named
@RequestScoped
public class OrderPortalLinks {
    @EJB
    PortalLinksService service;
    @Inject
    Authentication authentication;

    public String send(long orderId, String number) {
        return Refusals.attempt("order", () -> {
            try {
                LinkSending sending = service.send(orderId, authentication.clientAddress());
                if (sending instanceof LinkSending.Sent) {
                    Messages.infoAfterRedirect("portal.sent", number);
                    return "/app/order.xhtml?faces-redirect=true&id=" + orderId;
                }
                Messages.error(sending instanceof LinkSending.NoEmail ? "portal.noEmail"
                        : sending instanceof LinkSending.TooMany ? "portal.tooMany"
                        : sending instanceof LinkSending.CompanyTooMany ? "portal.companyTooMany" : "records.notFound");
            } catch (MailFailure failure) {
                // The reason names the platform's mail server: the administrator's business, not the user's.
                Messages.error("portal.mailFailed");
            }
            return null;
        });
    }

    public String revoke(long orderId, String number) {
        return Refusals.attempt("order", () -> {
            if (service.revoke(orderId, authentication.clientAddress()) instanceof Change.Done) {
                Messages.infoAfterRedirect("portal.revoked", number);
                return "/app/order.xhtml?faces-redirect=true&id=" + orderId;
            }
            Messages.error("records.notFound");
            return null;
        });
    }

    public void revokeAll() {
        service.revokeAll(authentication.clientAddress());
        Messages.info("portal.revokedAll");
    }
}
