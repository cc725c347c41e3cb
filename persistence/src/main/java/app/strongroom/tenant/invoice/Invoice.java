package app.strongroom.tenant.invoice;

import app.strongroom.common.InvalidValue;
import app.strongroom.common.Require;
import app.strongroom.tenant.company.Company;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.sales.OrderLine;
import app.strongroom.tenant.sales.OrderState;
import app.strongroom.tenant.sales.PricedLine;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.sales.StateMoveRefused;
import app.strongroom.tenant.sales.Totals;
import app.strongroom.tenant.user.UserAccount;
import jakarta.persistence.CascadeType;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer invoice. Made from a confirmed order, whose lines it copies, and which it marks invoiced. It moves draft
 * -> posted -> paid, or to cancelled (which reopens the order for invoicing); posted, its lines cannot change.
 */
@Entity
@Table(name = "invoice")
@NamedQuery(name = Invoice.OF_ORDER, query = "select count(i) from Invoice i where i.order = :order")
public class Invoice {
    public static final String OF_ORDER = "Invoice.ofOrder";
    /** Days from the invoice date to the due date unless the tenant says otherwise. */
    public static final int DEFAULT_TERM_DAYS = 30;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @BatchFetch(BatchFetchType.IN)
    @ManyToOne
    @JoinColumn(name = "order_id")
    private SalesOrder order;
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
    // Read-only copies of the foreign keys, for record rules that compare references without a join.
    @Column(name = "order_id", insertable = false, updatable = false)
    private Long orderId;
    @Column(name = "customer_id", insertable = false, updatable = false)
    private Long customerId;
    @Column(name = "salesperson_id", insertable = false, updatable = false)
    private Long salespersonId;
    @Column(name = "company_id", insertable = false, updatable = false)
    private Long companyId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceState state;
    @Column(name = "invoice_date", nullable = false)
    private LocalDate invoiceDate;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Column(nullable = false)
    private String currency;
    @Column(name = "amount_untaxed", nullable = false)
    private BigDecimal amountUntaxed;
    @Column(name = "amount_tax", nullable = false)
    private BigDecimal amountTax;
    @Column(name = "amount_total", nullable = false)
    private BigDecimal amountTotal;
    @Column(name = "posted_at")
    private OffsetDateTime postedAt;
    @Column(name = "paid_at")
    private OffsetDateTime paidAt;
    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<InvoiceLine> lines = new ArrayList<>();
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected Invoice() {
    }

    /** The draft invoice of a confirmed order, dated {@code on}; the order is marked invoiced. */
    public static Invoice of(SalesOrder order, LocalDate on) {
        if (order.state() != OrderState.CONFIRMED) {
            throw new StateMoveRefused("invoice.refused.notConfirmed", "only a confirmed order is invoiced");
        }
        Invoice invoice = new Invoice();
        invoice.order = order;
        invoice.customer = order.customer();
        invoice.salesperson = order.salesperson().orElse(null);
        invoice.company = order.company();
        invoice.currency = order.currency();
        invoice.state = InvoiceState.DRAFT;
        invoice.invoiceDate = Require.present("invoice date", on);
        invoice.dueDate = on.plusDays(DEFAULT_TERM_DAYS);
        invoice.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        int position = 1;
        for (OrderLine line : order.lines()) {
            invoice.lines.add(new InvoiceLine(invoice, position++, line.product(), line.amounts()));
        }
        invoice.recompute();
        order.markInvoiced();
        return invoice;
    }

    /** Replaces the lines of a draft; a posted, paid or cancelled invoice's lines are fixed. */
    public void replaceLines(List<PricedLine> priced) {
        requireDraft("invoice.refused.frozen");
        lines.clear();
        int position = 1;
        for (PricedLine line : priced) {
            lines.add(new InvoiceLine(this, position++, line.product(), line.amounts()));
        }
        recompute();
    }

    public void changeDates(LocalDate invoiceDate, LocalDate dueDate) {
        requireDraft("invoice.refused.frozen");
        Require.present("invoice date", invoiceDate);
        if (Require.present("due date", dueDate).isBefore(invoiceDate)) {
            throw new InvalidValue("due date", "must not be before the invoice date");
        }
        this.invoiceDate = invoiceDate;
        this.dueDate = dueDate;
        touch();
    }

    public void post(Instant at) {
        requireDraft("invoice.refused.post");
        if (lines.isEmpty()) {
            throw new StateMoveRefused("invoice.refused.empty", "an invoice without lines is not posted");
        }
        state = InvoiceState.POSTED;
        postedAt = at.atOffset(ZoneOffset.UTC);
        touch();
    }

    public void markPaid(Instant at) {
        if (state != InvoiceState.POSTED) {
            throw new StateMoveRefused("invoice.refused.pay", "a " + state + " invoice cannot be paid");
        }
        state = InvoiceState.PAID;
        paidAt = at.atOffset(ZoneOffset.UTC);
        touch();
    }

    /** Cancels a draft or posted invoice; its order, if any, may then be invoiced again. */
    public void cancel() {
        if (state != InvoiceState.DRAFT && state != InvoiceState.POSTED) {
            throw new StateMoveRefused("invoice.refused.cancel", "a " + state + " invoice cannot be cancelled");
        }
        state = InvoiceState.CANCELLED;
        if (order != null && order.state() == OrderState.INVOICED) {
            order.reopenForInvoicing();
        }
        touch();
    }

    private void requireDraft(String reason) {
        if (state != InvoiceState.DRAFT) {
            throw new StateMoveRefused(reason, "a " + state + " invoice cannot do that");
        }
    }

    private void recompute() {
        Totals totals = Totals.of(lines.stream().map(InvoiceLine::amounts).toList(), company.scale());
        amountUntaxed = totals.untaxed();
        amountTax = totals.tax();
        amountTotal = totals.total();
        touch();
    }

    private void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** "INV00042": the number people quote. */
    public String number() {
        return String.format("INV%05d", id);
    }

    public long id() {
        return id;
    }

    public Optional<SalesOrder> order() {
        return Optional.ofNullable(order);
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

    public InvoiceState state() {
        return state;
    }

    public LocalDate invoiceDate() {
        return invoiceDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public String currency() {
        return currency;
    }

    public Totals totals() {
        return new Totals(amountUntaxed, amountTax, amountTotal);
    }

    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }

    public long version() {
        return version;
    }
}
