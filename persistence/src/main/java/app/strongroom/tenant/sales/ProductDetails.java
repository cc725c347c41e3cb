package app.strongroom.tenant.sales;

import java.math.BigDecimal;

/** The editable fields of a product, as a form or the API sends them; {@link Product} checks them. */
public record ProductDetails(String name, String code, BigDecimal unitPrice, BigDecimal taxRate, boolean active) {
}
