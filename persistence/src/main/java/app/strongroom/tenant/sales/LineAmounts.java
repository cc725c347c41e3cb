package app.strongroom.tenant.sales;

import app.strongroom.common.InvalidValue;
import app.strongroom.common.Require;
import app.strongroom.tenant.company.Company;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What one line of an order or invoice sells and what it comes to: quantity x unit price less the discount, and the
 * tax on that, each rounded to the company's currency. Shared by order and invoice lines, so an invoice made from an
 * order comes to exactly the order's amounts.
 */
@Embeddable
public class LineAmounts {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Far more decimals, or zeros, than any amount has: a value beyond is refused before any arithmetic. */
    private static final int MAX_SCALE = 40;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("999999999");
    private static final BigDecimal MAX_PRICE = new BigDecimal("999999999999");

    @Column(nullable = false)
    private String description;
    @Column(nullable = false)
    private BigDecimal quantity;
    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;
    @Column(nullable = false)
    private BigDecimal discount;
    @Column(name = "tax_rate", nullable = false)
    private BigDecimal taxRate;
    @Column(nullable = false)
    private BigDecimal subtotal;
    @Column(nullable = false)
    private BigDecimal tax;

    protected LineAmounts() {
    }

    public LineAmounts(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
                       BigDecimal taxRate, Company company) {
        this.description = Require.text("description", description, 200).strip();
        this.quantity = within("quantity", quantity, new BigDecimal("0.001"), MAX_QUANTITY, 3);
        this.unitPrice = within("unit price", unitPrice, BigDecimal.ZERO, MAX_PRICE, company.scale());
        this.discount = within("discount", discount, BigDecimal.ZERO, HUNDRED, 2);
        this.taxRate = within("tax rate", taxRate, BigDecimal.ZERO, HUNDRED, 2);
        BigDecimal gross = this.quantity.multiply(this.unitPrice);
        this.subtotal = company.round(gross.subtract(gross.multiply(this.discount).divide(HUNDRED)));
        this.tax = company.round(subtotal.multiply(this.taxRate).divide(HUNDRED));
    }

    /** {@code value} if it lies in [min, max] with at most {@code scale} decimals. */
    static BigDecimal within(String field, BigDecimal value, BigDecimal min, BigDecimal max, int scale) {
        Require.present(field, value);
        // Asked first, since it costs nothing: rounding 1E-100000000 to two decimals would compute 10^99999998.
        if (Math.abs(value.scale()) > MAX_SCALE) {
            throw new InvalidValue(field, "must be between " + min.toPlainString() + " and " + max.toPlainString()
                    + " with at most " + scale + " decimals");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidValue(field, "must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
        try {
            return value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException tooPrecise) {
            throw new InvalidValue(field, "has more than " + scale + " decimals");
        }
    }

    public String description() {
        return description;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal discount() {
        return discount;
    }

    public BigDecimal taxRate() {
        return taxRate;
    }

    public BigDecimal subtotal() {
        return subtotal;
    }

    public BigDecimal tax() {
        return tax;
    }
}
