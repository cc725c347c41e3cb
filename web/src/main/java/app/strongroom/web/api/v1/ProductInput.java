package app.strongroom.web.api.v1;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product as a client sends it to make or change one; {@code version} (for a change) is the one it read. */
@Schema(name = "ProductInput")
public record ProductInput(@Schema(required = true) String name, @Schema(required = true) String code,
                           @Schema(description = "Required unless the tenant gives it a default") BigDecimal unitPrice,
                           @Schema(description = "Required unless the tenant gives it a default") BigDecimal taxRate,
                           @Schema(description = "Offered on new orders; true when absent") Boolean active,
                           @Schema(description = "The version read; required to change a product") Long version) {
}
