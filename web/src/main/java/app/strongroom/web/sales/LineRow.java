package app.strongroom.web.sales;

import app.strongroom.sales.LineView;
import app.strongroom.tenant.sales.LineInput;
import java.io.Serializable;
import java.math.BigDecimal;

/** One line of the order form; an empty price or discount takes the product's price and no discount. */
public class LineRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long productId;
    private BigDecimal quantity = BigDecimal.ONE;
    private BigDecimal unitPrice;
    private BigDecimal discount;

    static LineRow of(LineView line) {
        LineRow row = new LineRow();
        row.productId = line.productId();
        row.quantity = line.quantity();
        row.unitPrice = line.unitPrice();
        row.discount = line.discount();
        return row;
    }

    LineInput toInput() {
        return new LineInput(productId == null ? 0 : productId, quantity, unitPrice, discount);
    }

    public Long getProductId() {
        return productId;
    }

    public void setProductId(Long productId) {
        this.productId = productId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    public BigDecimal getDiscount() {
        return discount;
    }

    public void setDiscount(BigDecimal discount) {
        this.discount = discount;
    }
}
