package app.strongroom.sales;

import app.strongroom.common.InvalidValue;
import app.strongroom.tenant.sales.LineInput;
import app.strongroom.tenant.sales.SalesOrder;
import java.time.LocalDate;
import java.util.List;

/** What a form or the API sends to make or change an order: ids are checked against the caller's rules. */
public record OrderDraft(long customerId, LocalDate orderDate, String note, Long salespersonId, Long teamId,
                         List<LineInput> lines) {
    public OrderDraft {
        if (lines.size() > SalesOrder.MAX_LINES) {
            throw new InvalidValue("lines", "are at most " + SalesOrder.MAX_LINES + " on one order");
        }
        lines = List.copyOf(lines);
    }
}
