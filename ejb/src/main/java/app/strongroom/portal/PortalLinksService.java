package app.strongroom.portal;

import app.strongroom.catalog.Tenant;
import app.strongroom.common.EmailAddress;
import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import app.strongroom.identity.throttle.LoginThrottle;
import app.strongroom.mail.Mailer;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.records.Change;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.sales.OrderState;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.sales.StateMoveRefused;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * The tenant's side of portal links: a user who may change an order mails its customer a link, or revokes the
 * order's links; the administrator revokes every link of the tenant. Rights and record rules apply as to any change
 * of the order ({@link app.strongroom.tenant.access.AccessRefused}, not found outside the rules).
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PortalLinksService {
    /** A customer's mailbox is not to be flooded from one order, whoever presses the button. */
    static final int MAILS_PER_ORDER_PER_HOUR = 5;
    private static final RecordModel MODEL = RecordModel.SALES_ORDER;

    @Inject
    TenantData tenantData;
    @Inject
    PortalLinks links;
    @Inject
    Mailer mailer;
    @EJB
    TenantCatalog catalog;
    @EJB
    PortalGenerations generations;
    @Inject
    LoginThrottle throttle;
    @Inject
    PlatformSettings settings;

    /**
     * Mails the order's customer a link to view and answer it; a quotation becomes sent. Nothing is kept of the link
     * but its audit entry. A mail that cannot be sent undoes everything ({@link app.strongroom.mail.MailFailure}).
     *
     * @throws StateMoveRefused when the order no longer waits for the customer, or has no lines
     */
    public LinkSending send(long orderId, String address) {
        Caller.TenantUser caller = tenantData.caller();
        Tenant tenant = catalog.get(caller.tenant());
        int tenantGeneration = generations.current(caller.tenant());
        return tenantData.underRules((em, policy) -> {
            Optional<SalesOrder> found = policy.find(em, SalesOrder.class, MODEL, Operation.WRITE, orderId);
            if (found.isEmpty()) {
                return new LinkSending.NotFound();
            }
            SalesOrder order = found.get();
            Optional<EmailAddress> to = order.customer().email();
            if (to.isEmpty()) {
                return new LinkSending.NoEmail();
            }
            if (order.lines().isEmpty()) {
                throw new StateMoveRefused("portal.refused.empty", "an order without lines is not sent");
            }
            if (order.state() != OrderState.QUOTATION && !order.awaitsCustomer()) {
                throw new StateMoveRefused("portal.refused.state", "a " + order.state() + " order awaits no answer");
            }
            // Asked before anything changes, so a refusal leaves the transaction nothing to undo.
            Optional<LinkSending> tooMany = new PortalMailCaps(MAILS_PER_ORDER_PER_HOUR, settings.portalMailsPerHour())
                    .refusal(throttle::withinHourlyBudget, tenant.id(), orderId);
            if (tooMany.isPresent()) {
                return tooMany.get();
            }
            if (order.state() == OrderState.QUOTATION) {
                order.send();
            }
            policy.requireInside(em, MODEL, Operation.WRITE, orderId);
            Instant expiresAt = links.expiryFromNow();
            String token = links.signer().sign(new PortalClaims(tenant.id(), orderId, PortalPurpose.ORDER_ANSWER,
                    expiresAt, order.portalGeneration(), tenantGeneration));
            em.persist(new SecurityEvent(SecurityEventKind.PORTAL_LINK_SENT, caller.login(), address, caller.login(),
                    "order " + order.number() + " to its customer at " + to.get() + ", valid until " + expiresAt));
            em.flush();
            mailer.send(links.mail(tenant, order, to.get(), token, expiresAt));
            return new LinkSending.Sent(expiresAt);
        });
    }

    /** Voids every link of one order mailed so far. */
    public Change revoke(long orderId, String address) {
        return tenantData.underRules((em, policy) -> {
            Optional<SalesOrder> found = policy.find(em, SalesOrder.class, MODEL, Operation.WRITE, orderId);
            if (found.isEmpty()) {
                return new Change.NotFound();
            }
            found.get().revokePortalLinks();
            policy.requireInside(em, MODEL, Operation.WRITE, orderId);
            String login = tenantData.caller().login();
            em.persist(new SecurityEvent(SecurityEventKind.PORTAL_LINKS_REVOKED, login, address, login,
                    "order " + found.get().number()));
            return new Change.Done(orderId);
        });
    }

    /** Voids every portal link the tenant ever mailed; the generation lives in the catalog, raised first. */
    @RolesAllowed(Role.Names.TENANT_ADMIN)
    public void revokeAll(String address) {
        Caller.TenantUser caller = tenantData.caller();
        int generation = generations.voidAll(caller.tenant());
        tenantData.inTransaction(em -> {
            em.persist(new SecurityEvent(SecurityEventKind.PORTAL_LINKS_REVOKED_ALL, caller.login(), address,
                    caller.login(), "every order's links (generation " + generation + ")"));
            return null;
        });
    }
}
