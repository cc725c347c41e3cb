package app.strongroom.invoices;

/** The state moves a person can ask of an invoice. */
public enum InvoiceMove {
    POST, PAY, CANCEL
}
