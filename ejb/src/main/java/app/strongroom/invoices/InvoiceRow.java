package app.strongroom.invoices;

import app.strongroom.tenant.invoice.Invoice;
import app.strongroom.tenant.invoice.InvoiceState;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice as a list shows it: without its lines, which a list never reads. */
public record InvoiceRow(long id, String number, String customerName, InvoiceState state, LocalDate invoiceDate,
                         LocalDate dueDate, BigDecimal total, String currency) {
    public static InvoiceRow of(Invoice i) {
        return new InvoiceRow(i.id(), i.number(), i.customer().name(), i.state(), i.invoiceDate(), i.dueDate(),
                i.totals().total(), i.currency());
    }
}
