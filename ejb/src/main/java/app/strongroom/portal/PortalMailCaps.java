package app.strongroom.portal;

import app.strongroom.catalog.TenantId;
import java.util.Optional;

/**
 * How many portal link mails may go out per hour: to one order's customer (their mailbox is not flooded, whoever
 * presses the button) and from one tenant in all (a tenant's account cannot be made a spam source). Both are counted
 * in the same shared hourly budget, asked before anything changes.
 */
record PortalMailCaps(int perOrder, int perTenant) {
    /** Counts one use of {@code key} this hour; false once {@code limit} uses were counted. */
    @FunctionalInterface
    interface HourlyBudget {
        boolean within(String key, int limit);
    }

    PortalMailCaps {
        if (perOrder < 1 || perTenant < 1) {
            throw new IllegalArgumentException("mail caps are at least 1");
        }
    }

    /**
     * Why no mail may go to order {@code orderId} of {@code tenant} now; empty when one may, and then counted. The
     * order's cap is asked first, so pressing the button on one order again and again spends none of the tenant's.
     */
    Optional<LinkSending> refusal(HourlyBudget budget, TenantId tenant, long orderId) {
        if (!budget.within("portal-mail|" + tenant.value() + "|" + orderId, perOrder)) {
            return Optional.of(new LinkSending.TooMany());
        }
        if (!budget.within("portal-mail-tenant|" + tenant.value(), perTenant)) {
            return Optional.of(new LinkSending.CompanyTooMany());
        }
        return Optional.empty();
    }
}
