package app.strongroom.portal;

import app.strongroom.catalog.Tenant;
import app.strongroom.identity.throttle.LoginThrottle;
import app.strongroom.portal.PortalAnswer.Outcome;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.sales.OrderState;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.sales.StateMoveRefused;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.vault.format.Digests;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the holder of a portal link may do: view the order, confirm it, or decline it. Open to anybody: the link is
 * the only authority, checked on every request (signature, expiry, purpose, the tenant still active, both
 * generations current, the order still there). Whatever fails, the answer is the same {@link PortalAnswer.Invalid}.
 * Confirming and declining lock the order, so two answers at once are one after the other, and a repeated answer
 * changes nothing. Every use is in the tenant's audit trail with the client's address.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PortalService {
    private static final Logger LOG = Logger.getLogger(PortalService.class.getName());
    private static final String ACTOR = "customer (portal link)";
    /**
     * Guessing a 256-bit MAC is hopeless, but a network sending bad link after bad link is up to no good: past this
     * many it gets the same invalid-link answer for every link, good ones too, for {@link #ADDRESS_BLOCK}.
     */
    static final int BAD_LINKS_BEFORE_BLOCK = 30;
    static final Duration ADDRESS_BLOCK = Duration.ofMinutes(15);
    /** Uses of expired or revoked links written to one tenant's trail per hour; further ones are only refused. */
    static final int REFUSALS_AUDITED_PER_HOUR = 20;

    @Inject
    PortalLinks links;
    @EJB
    TenantCatalog catalog;
    @EJB
    TenantUnits units;
    @EJB
    PortalGenerations generations;
    @Inject
    LoginThrottle throttle;

    public PortalAnswer view(String token, String address) {
        return withOrder(token, address, false, (em, order) -> {
            // Once per link and hour: reloading the page must not flood the tenant's trail.
            if (throttle.withinHourlyBudget(LoginThrottle.portalViewKey(fingerprint(token)), 1)) {
                audit(em, SecurityEventKind.PORTAL_ORDER_VIEWED, order, address, Outcome.VIEWED);
            }
            return shown(em, order, Outcome.VIEWED);
        });
    }

    /** Confirms the order if it still waits for an answer and is still the version the customer saw. */
    public PortalAnswer confirm(String token, long seenVersion, String address) {
        return withOrder(token, address, true, (em, order) -> {
            Outcome outcome = answer(order, seenVersion, OrderState.CONFIRMED, Outcome.ALREADY_CONFIRMED);
            if (outcome == null) {
                try {
                    order.confirm();
                    outcome = Outcome.CONFIRMED;
                } catch (StateMoveRefused refused) {
                    outcome = Outcome.CLOSED;
                }
            }
            audit(em, SecurityEventKind.PORTAL_ORDER_CONFIRMED, order, address, outcome);
            return shown(em, order, outcome);
        });
    }

    /** Declining cancels the order, on the same conditions as confirming. */
    public PortalAnswer decline(String token, long seenVersion, String address) {
        return withOrder(token, address, true, (em, order) -> {
            Outcome outcome = answer(order, seenVersion, OrderState.CANCELLED, Outcome.ALREADY_DECLINED);
            if (outcome == null) {
                order.cancel();
                outcome = Outcome.DECLINED;
            }
            audit(em, SecurityEventKind.PORTAL_ORDER_DECLINED, order, address, outcome);
            return shown(em, order, outcome);
        });
    }

    /** Why nothing is to be done, or null when the answer is to be carried out. */
    private static Outcome answer(SalesOrder order, long seenVersion, OrderState answered, Outcome already) {
        if (order.state() == answered) {
            return already;
        }
        if (!order.awaitsCustomer()) {
            return Outcome.CLOSED;
        }
        return order.version() == seenVersion ? null : Outcome.CHANGED;
    }

    private PortalAnswer withOrder(String token, String address, boolean forUpdate,
                                   BiFunction<EntityManager, SalesOrder, PortalAnswer> work) {
        String addressKey = LoginThrottle.portalAddressKey(address);
        if (throttle.anyLocked(Set.of(addressKey))) {
            return new PortalAnswer.Invalid();
        }
        PortalAnswer answer;
        try {
            answer = answerLink(token, address, forUpdate, work);
        } catch (RuntimeException unavailable) {
            // A tenant in the middle of a restore, or whose database cannot be reached: nothing was done, and the
            // holder learns no more than from any other link that does not work. Not counted as a guess.
            LOG.log(Level.WARNING, "a portal link could not be answered", unavailable);
            return new PortalAnswer.Invalid();
        }
        if (answer instanceof PortalAnswer.Invalid) {
            throttle.fail(addressKey, BAD_LINKS_BEFORE_BLOCK, ADDRESS_BLOCK);
        }
        return answer;
    }

    private PortalAnswer answerLink(String token, String address, boolean forUpdate,
                                    BiFunction<EntityManager, SalesOrder, PortalAnswer> work) {
        Optional<PortalClaims> claims = links.signer().verify(token)
                .filter(c -> c.purpose() == PortalPurpose.ORDER_ANSWER);
        if (claims.isEmpty()) {
            links.signer().authentic(token).ifPresent(expired -> refused(expired, address, "an expired link"));
            return new PortalAnswer.Invalid();
        }
        PortalClaims link = claims.get();
        if (!tenantHonours(link)) {
            refused(link, address, "a revoked link");
            return new PortalAnswer.Invalid();
        }
        return units.inTransaction(link.tenant(), em -> {
            SalesOrder order = forUpdate
                    ? em.find(SalesOrder.class, link.orderId(), LockModeType.PESSIMISTIC_WRITE)
                    : em.find(SalesOrder.class, link.orderId());
            // Asked again once the order is read (and locked): a revoke-all, or a restore's voiding and maintenance,
            // that committed while this request waited wins over it.
            if (order == null) {
                return new PortalAnswer.Invalid();
            }
            if (order.portalGeneration() != link.orderGeneration() || !tenantHonours(link)) {
                if (withinRefusalBudget(link)) {
                    audit(em, SecurityEventKind.PORTAL_LINK_REFUSED, order.number(), address, "a revoked link");
                }
                return new PortalAnswer.Invalid();
            }
            return work.apply(em, order);
        });
    }

    /**
     * Writes down, in the tenant's trail, that one of its genuine links was used after it expired or was revoked:
     * the tenant learns of a stale or leaked link still going round. Within a small hourly budget per tenant, so
     * whoever holds such a link cannot flood the trail; never for a tenant that is not active.
     */
    private void refused(PortalClaims link, String address, String why) {
        if (link.purpose() != PortalPurpose.ORDER_ANSWER
                || catalog.find(link.tenant()).filter(Tenant::acceptsSignIn).isEmpty() || !withinRefusalBudget(link)) {
            return;
        }
        units.inTransaction(link.tenant(), em -> {
            audit(em, SecurityEventKind.PORTAL_LINK_REFUSED, SalesOrder.numberOf(link.orderId()), address, why);
            return null;
        });
    }

    private boolean withinRefusalBudget(PortalClaims link) {
        return throttle.withinHourlyBudget(LoginThrottle.portalRefusalKey(link.tenant().value()),
                REFUSALS_AUDITED_PER_HOUR);
    }

    /** A link's name in the throttle's shared memory: a digest, so the memory holds no link that works. */
    private static String fingerprint(String token) {
        byte[] digest = Digests.sha256().digest(token.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** Whether the link's tenant is active and still at the generation the link was signed under. */
    private boolean tenantHonours(PortalClaims link) {
        return catalog.find(link.tenant()).filter(Tenant::acceptsSignIn).isPresent()
                && generations.current(link.tenant()) == link.tenantGeneration();
    }

    private static PortalAnswer shown(EntityManager em, SalesOrder order, Outcome outcome) {
        // The version the customer is shown must be the one stored, so their next answer is not taken for stale.
        em.flush();
        return new PortalAnswer.Shown(PortalOrder.of(order), outcome);
    }

    private static void audit(EntityManager em, SecurityEventKind kind, SalesOrder order, String address,
                              Outcome outcome) {
        audit(em, kind, order.number(), address, outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    private static void audit(EntityManager em, SecurityEventKind kind, String order, String address, String what) {
        em.persist(new SecurityEvent(kind, null, address, ACTOR, "order " + order + ": " + what));
    }
}
