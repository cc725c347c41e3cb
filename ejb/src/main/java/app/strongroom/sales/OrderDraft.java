package app.strongroom.sales;

import app.strongroom.tenant.sales.LineInput;
import java.time.LocalDate;
import java.util.List;

/** What a form or the API sends to make or change an order: ids are checked against the caller's rules. */
public record OrderDraft(long customerId, LocalDate orderDate, String note, Long salespersonId, Long teamId,
                         List<LineInput> lines) {
    public OrderDraft {
        lines = List.copyOf(lines);
    }
}
