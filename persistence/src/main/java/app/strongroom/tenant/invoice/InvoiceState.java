package app.strongroom.tenant.invoice;

/** Where an invoice stands. Stored by name. */
public enum InvoiceState {
    DRAFT, POSTED, PAID, CANCELLED
}
