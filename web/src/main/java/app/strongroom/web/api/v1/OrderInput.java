package app.strongroom.web.api.v1;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A sales order as a client sends it to make or change one: every id is checked against the key's user's rules as
 * the order page checks it; {@code version} (for a change) is the one it read.
 */
@Schema(name = "OrderInput")
public record OrderInput(@Schema(required = true) Long customerId,
                         @Schema(description = "When absent: the tenant's default on a create, else today")
                         LocalDate orderDate,
                         @Schema(nullable = true, description = "When absent on a create: the tenant's default")
                         String note,
                         @Schema(description = "When absent: the tenant's default on a create, else the key's user")
                         Long salespersonId,
                         @Schema(nullable = true, description = "When absent on a create: the tenant's default")
                         Long teamId,
                         List<Line> lines,
                         @Schema(description = "The version read; required to change an order") Long version) {
    /** One line: the unit price defaults to the product's when absent. */
    @Schema(name = "OrderLineInput")
    public record Line(@Schema(required = true) Long productId, @Schema(required = true) BigDecimal quantity,
                       @Schema(nullable = true) BigDecimal unitPrice, @Schema(nullable = true) BigDecimal discount) {
    }
}
