package app.strongroom.sales;

import app.strongroom.tenant.sales.OrderState;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.user.UserAccount;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A sales order as a list shows it: without its lines, which a list never reads. */
public record OrderRow(long id, String number, String customerName, String salesperson, OrderState state,
                       LocalDate orderDate, BigDecimal total, String currency) {
    public static OrderRow of(SalesOrder o) {
        return new OrderRow(o.id(), o.number(), o.customer().name(), o.salesperson().map(UserAccount::login)
                .orElse(null), o.state(), o.orderDate(), o.totals().total(), o.currency());
    }
}
