package app.strongroom.tenant.sales;

/** Where a sales order stands. Stored by name. */
public enum OrderState {
    QUOTATION, SENT, CONFIRMED, INVOICED, CANCELLED;

    /** Lines, customer and date change only before the customer has agreed. */
    public boolean isEditable() {
        return this == QUOTATION || this == SENT;
    }
}
