package app.strongroom.tenant.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of a sales order; part of the order, changed only through it. */
@Entity
@Table(name = "sale_order_line")
public class OrderLine {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private SalesOrder order;
    @Column(nullable = false)
    private int position;
    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id")
    private Product product;
    @Embedded
    private LineAmounts amounts;

    protected OrderLine() {
    }

    OrderLine(SalesOrder order, int position, Product product, LineAmounts amounts) {
        this.order = order;
        this.position = position;
        this.product = product;
        this.amounts = amounts;
    }

    public int position() {
        return position;
    }

    public Product product() {
        return product;
    }

    public LineAmounts amounts() {
        return amounts;
    }
}
