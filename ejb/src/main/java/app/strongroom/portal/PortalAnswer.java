package app.strongroom.portal;

/** What a portal link leads to: the order with what just happened, or one answer for every link that does not work. */
public sealed interface PortalAnswer {
    /** Expired, altered, revoked, another order's or tenant's, or no token at all: its holder is not told which. */
    record Invalid() implements PortalAnswer {
    }

    record Shown(PortalOrder order, Outcome outcome) implements PortalAnswer {
    }

    /** What the customer's request did. */
    enum Outcome {
        /** Only viewed. */
        VIEWED,
        CONFIRMED,
        DECLINED,
        /** A confirmation of an order already confirmed: nothing changed. */
        ALREADY_CONFIRMED,
        /** A refusal of an order already declined: nothing changed. */
        ALREADY_DECLINED,
        /** The order changed since the customer opened it: nothing changed, the customer sees it anew. */
        CHANGED,
        /** The order no longer waits for an answer (cancelled by the seller, invoiced...): nothing changed. */
        CLOSED
    }
}
