package app.strongroom.sales;

import app.strongroom.tenant.sales.LineAmounts;
import java.math.BigDecimal;

/** A line of an order or invoice as pages and the API show it. */
public record LineView(int position, Long productId, String description, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal discount, BigDecimal taxRate, BigDecimal subtotal, BigDecimal tax) {
    public static LineView of(int position, Long productId, LineAmounts a) {
        return new LineView(position, productId, a.description(), a.quantity(), a.unitPrice(), a.discount(),
                a.taxRate(), a.subtotal(), a.tax());
    }
}
