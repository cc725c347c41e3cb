package app.strongroom.tenant.sales;

import app.strongroom.common.Require;
import app.strongroom.tenant.company.Company;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.user.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * What a sales order and an invoice both are: a document of one company, in its currency, to a customer, sold by a
 * salesperson, whose amounts are the sums of its lines. The foreign keys are also mapped read-only, so that record
 * rules compare references without a join.
 */
@MappedSuperclass
public abstract class SalesDocument {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @BatchFetch(BatchFetchType.IN)
    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id")
    private Contact customer;
    @BatchFetch(BatchFetchType.IN)
    @ManyToOne
    @JoinColumn(name = "salesperson_id")
    private UserAccount salesperson;
    @BatchFetch(BatchFetchType.IN)
    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id")
    private Company company;
    @Column(name = "customer_id", insertable = false, updatable = false)
    private Long customerId;
    @Column(name = "salesperson_id", insertable = false, updatable = false)
    private Long salespersonId;
    @Column(name = "company_id", insertable = false, updatable = false)
    private Long companyId;
    @Column(nullable = false)
    private String currency;
    @Column(name = "amount_untaxed", nullable = false)
    private BigDecimal amountUntaxed;
    @Column(name = "amount_tax", nullable = false)
    private BigDecimal amountTax;
    @Column(name = "amount_total", nullable = false)
    private BigDecimal amountTotal;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected SalesDocument() {
    }

    /** A new document of {@code company}, in its currency, with nothing on it yet. */
    protected SalesDocument(Company company) {
        this.company = Require.present("company", company);
        this.currency = company.currency();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        total(List.of());
    }

    protected final void billTo(Contact customer) {
        this.customer = Require.present("customer", customer);
        touch();
    }

    protected final void soldBy(UserAccount salesperson) {
        this.salesperson = salesperson;
        touch();
    }

    /** The amounts become the sums of {@code lines}, in the company's currency. */
    protected final void total(Collection<LineAmounts> lines) {
        Totals totals = Totals.of(lines, company.scale());
        amountUntaxed = totals.untaxed();
        amountTax = totals.tax();
        amountTotal = totals.total();
        touch();
    }

    protected final void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public long id() {
        return id;
    }

    public Contact customer() {
        return customer;
    }

    public Optional<UserAccount> salesperson() {
        return Optional.ofNullable(salesperson);
    }

    public Company company() {
        return company;
    }

    public String currency() {
        return currency;
    }

    public Totals totals() {
        return new Totals(amountUntaxed, amountTax, amountTotal);
    }

    public long version() {
        return version;
    }
}
