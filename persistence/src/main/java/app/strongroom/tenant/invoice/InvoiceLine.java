package app.strongroom.tenant.invoice;

import app.strongroom.tenant.sales.LineAmounts;
import app.strongroom.tenant.sales.Product;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;

/** One line of an invoice; part of the invoice, changed only through it, and only while it is a draft. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;
    @Column(nullable = false)
    private int position;
    @ManyToOne
    @JoinColumn(name = "product_id")
    private Product product;
    @Embedded
    private LineAmounts amounts;

    protected InvoiceLine() {
    }

    InvoiceLine(Invoice invoice, int position, Product product, LineAmounts amounts) {
        this.invoice = invoice;
        this.position = position;
        this.product = product;
        this.amounts = amounts;
    }

    public int position() {
        return position;
    }

    public Optional<Product> product() {
        return Optional.ofNullable(product);
    }

    public LineAmounts amounts() {
        return amounts;
    }
}
