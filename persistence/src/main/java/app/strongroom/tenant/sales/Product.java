package app.strongroom.tenant.sales;

import app.strongroom.common.InvalidValue;
import app.strongroom.common.Require;
import app.strongroom.tenant.company.Company;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/** Something the tenant sells, at a unit price with a tax rate; inactive products are not offered on new lines. */
@Entity
@Table(name = "product")
@NamedQuery(name = Product.USES, query = "select count(l) from OrderLine l where l.product = :product")
public class Product {
    public static final String USES = "Product.uses";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");
    private static final BigDecimal MAX_PRICE = new BigDecimal("999999999999");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false, unique = true)
    private String code;
    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;
    @Column(name = "tax_rate", nullable = false)
    private BigDecimal taxRate;
    @Column(nullable = false)
    private boolean active;
    @ManyToOne
    @JoinColumn(name = "company_id")
    private Company company;
    // Read-only copies of the foreign keys, for record rules that compare references without a join.
    @Column(name = "company_id", insertable = false, updatable = false)
    private Long companyId;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected Product() {
    }

    public Product(ProductDetails details, Company company) {
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(details, company);
    }

    /** Replaces every editable field at once; {@code company} null makes the product every company's. */
    /** A unit price as a product keeps it: 0 to 999,999,999,999 with at most two decimals. */
    public static BigDecimal unitPrice(BigDecimal price) {
        return LineAmounts.within("unit price", price, BigDecimal.ZERO, MAX_PRICE, 2);
    }

    /** A tax rate in percent as a product keeps it: 0 to 100 with at most two decimals. */
    public static BigDecimal taxRate(BigDecimal rate) {
        return LineAmounts.within("tax rate", rate, BigDecimal.ZERO, BigDecimal.valueOf(100), 2);
    }

    public final void apply(ProductDetails details, Company company) {
        this.name = Require.text("name", details.name(), 200).strip();
        this.code = Require.matching("code", Require.text("code", details.code(), 40).strip(), CODE,
                "must start with a letter or digit and use only letters, digits and . _ / -");
        this.unitPrice = unitPrice(details.unitPrice());
        this.taxRate = taxRate(details.taxRate());
        this.active = details.active();
        this.company = company;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Throws unless the product may go on a new line. */
    public void requireOffered() {
        if (!active) {
            throw new InvalidValue("product", "is no longer sold");
        }
    }

    public ProductDetails details() {
        return new ProductDetails(name, code, unitPrice, taxRate, active);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String code() {
        return code;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal taxRate() {
        return taxRate;
    }

    public boolean isActive() {
        return active;
    }

    public Optional<Company> company() {
        return Optional.ofNullable(company);
    }

    public long version() {
        return version;
    }
}
