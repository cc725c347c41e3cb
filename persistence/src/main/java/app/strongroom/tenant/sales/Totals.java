package app.strongroom.tenant.sales;

import java.math.BigDecimal;
import java.util.Collection;

/** The sums of a record's lines: untaxed, tax and the total the customer pays. */
public record Totals(BigDecimal untaxed, BigDecimal tax, BigDecimal total) {
    public static Totals of(Collection<LineAmounts> lines, int scale) {
        BigDecimal untaxed = BigDecimal.ZERO.setScale(scale);
        BigDecimal tax = BigDecimal.ZERO.setScale(scale);
        for (LineAmounts line : lines) {
            untaxed = untaxed.add(line.subtotal());
            tax = tax.add(line.tax());
        }
        return new Totals(untaxed, tax, untaxed.add(tax));
    }
}
