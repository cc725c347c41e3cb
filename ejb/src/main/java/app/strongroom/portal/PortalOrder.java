package app.strongroom.portal;

import app.strongroom.tenant.sales.OrderLine;
import app.strongroom.tenant.sales.OrderState;
import app.strongroom.tenant.sales.SalesOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A sales order as its customer sees it through a portal link: what they are asked to agree to and nothing else (no
 * note, salesperson, team, or other record). {@code version} tells a confirmation which version the customer saw.
 */
public record PortalOrder(String number, String company, String customer, LocalDate orderDate, OrderState state,
                          String currency, List<Line> lines, BigDecimal untaxed, BigDecimal tax, BigDecimal total,
                          long version) {
    public PortalOrder {
        lines = List.copyOf(lines);
    }

    /** One line as the customer sees it. */
    public record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
                       BigDecimal taxRate, BigDecimal subtotal) {
        static Line of(OrderLine line) {
            var a = line.amounts();
            return new Line(a.description(), a.quantity(), a.unitPrice(), a.discount(), a.taxRate(), a.subtotal());
        }
    }

    static PortalOrder of(SalesOrder order) {
        return new PortalOrder(order.number(), order.company().name(), order.customer().name(), order.orderDate(),
                order.state(), order.currency(), order.lines().stream().map(Line::of).toList(),
                order.totals().untaxed(), order.totals().tax(), order.totals().total(), order.version());
    }

    /** Whether the customer may still confirm or decline it. */
    public boolean awaitsAnswer() {
        return state == OrderState.SENT;
    }
}
