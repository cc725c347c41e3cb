package app.strongroom.tenant.sales;

import java.math.BigDecimal;

/** A line as a form or the API asks for it; the unit price and tax rate default to the product's when absent. */
public record LineInput(long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) {
}
