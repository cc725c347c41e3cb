package app.strongroom.tenant.sales;

import app.strongroom.tenant.company.Company;
import java.math.BigDecimal;

/** A product and what its line comes to, priced in the selling company's currency. */
public record PricedLine(Product product, LineAmounts amounts) {
    /** Prices {@code input} for {@code product}: its unit price and tax rate unless the input names a price. */
    public static PricedLine of(Product product, LineInput input, Company company) {
        BigDecimal price = input.unitPrice() == null ? product.unitPrice() : input.unitPrice();
        BigDecimal discount = input.discount() == null ? BigDecimal.ZERO : input.discount();
        return new PricedLine(product, new LineAmounts(product.name(), input.quantity(), price, discount,
                product.taxRate(), company));
    }
}
