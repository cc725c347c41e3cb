package app.strongroom.products;

import app.strongroom.tenant.sales.Product;
import java.math.BigDecimal;

/** A product as pages and the API show it; {@code version} guards an edit against a concurrent one. */
public record ProductView(long id, String name, String code, BigDecimal unitPrice, BigDecimal taxRate,
                          boolean active, long version) {
    public static ProductView of(Product p) {
        return new ProductView(p.id(), p.name(), p.code(), p.unitPrice(), p.taxRate(), p.isActive(), p.version());
    }
}
