package app.strongroom.invoices;

import app.strongroom.sales.LineView;
import app.strongroom.tenant.invoice.Invoice;
import app.strongroom.tenant.invoice.InvoiceState;
import app.strongroom.tenant.sales.Product;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.user.UserAccount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An invoice as pages and the API show it. */
public record InvoiceView(long id, String number, Long orderId, String orderNumber, String customerName,
                          String salesperson, InvoiceState state, LocalDate invoiceDate, LocalDate dueDate,
                          String currency, BigDecimal untaxed, BigDecimal tax, BigDecimal total,
                          List<LineView> lines, long version) {
    public static InvoiceView of(Invoice i) {
        return new InvoiceView(i.id(), i.number(), i.order().map(SalesOrder::id).orElse(null),
                i.order().map(SalesOrder::number).orElse(null), i.customer().name(),
                i.salesperson().map(UserAccount::login).orElse(null), i.state(), i.invoiceDate(), i.dueDate(),
                i.currency(), i.totals().untaxed(), i.totals().tax(), i.totals().total(),
                i.lines().stream().map(l -> LineView.of(l.position(), l.product().map(Product::id).orElse(null),
                        l.amounts())).toList(), i.version());
    }
}
