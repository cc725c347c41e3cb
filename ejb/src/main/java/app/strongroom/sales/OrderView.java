package app.strongroom.sales;

import app.strongroom.tenant.sales.OrderState;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A sales order as pages and the API show it; {@code version} guards an edit against a concurrent one. */
public record OrderView(long id, String number, long customerId, String customerName, Long salespersonId,
                        String salesperson, Long teamId, String team, OrderState state, LocalDate orderDate,
                        String currency, BigDecimal untaxed, BigDecimal tax, BigDecimal total, String note,
                        List<LineView> lines, long version) {
    public static OrderView of(SalesOrder o) {
        return new OrderView(o.id(), o.number(), o.customer().id().value(), o.customer().name(),
                o.salesperson().map(UserAccount::id).orElse(null), o.salesperson().map(UserAccount::login).orElse(null),
                o.team().map(UserGroup::id).orElse(null), o.team().map(UserGroup::name).orElse(null), o.state(),
                o.orderDate(), o.currency(), o.totals().untaxed(), o.totals().tax(), o.totals().total(),
                o.note().orElse(null),
                o.lines().stream().map(l -> LineView.of(l.position(), l.product().id(), l.amounts())).toList(),
                o.version());
    }
}
