package app.strongroom.tenant.sales;

import app.strongroom.common.Require;
import app.strongroom.tenant.company.Company;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sales order: a customer, a salesperson and team, the company selling, and lines. It moves quotation -> sent ->
 * confirmed -> invoiced, or to cancelled; every move is a method that refuses when the move is not allowed.
 */
@Entity
@Table(name = "sale_order")
public class SalesOrder {
    public static final int NOTE_MAX = 10_000;

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
    @ManyToOne
    @JoinColumn(name = "team_id")
    private UserGroup team;
    @BatchFetch(BatchFetchType.IN)
    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id")
    private Company company;
    // Read-only copies of the foreign keys, for record rules that compare references without a join.
    @Column(name = "customer_id", insertable = false, updatable = false)
    private Long customerId;
    @Column(name = "salesperson_id", insertable = false, updatable = false)
    private Long salespersonId;
    @Column(name = "team_id", insertable = false, updatable = false)
    private Long teamId;
    @Column(name = "company_id", insertable = false, updatable = false)
    private Long companyId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderState state;
    @Column(name = "order_date", nullable = false)
    private LocalDate orderDate;
    @Column(nullable = false)
    private String currency;
    @Column(name = "amount_untaxed", nullable = false)
    private BigDecimal amountUntaxed;
    @Column(name = "amount_tax", nullable = false)
    private BigDecimal amountTax;
    @Column(name = "amount_total", nullable = false)
    private BigDecimal amountTotal;
    private String note;
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<OrderLine> lines = new ArrayList<>();
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected SalesOrder() {
    }

    /** A new quotation of {@code company}, in its currency, with no lines yet. */
    public SalesOrder(Contact customer, Company company, LocalDate orderDate) {
        this.company = Require.present("company", company);
        this.currency = company.currency();
        this.state = OrderState.QUOTATION;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        Totals none = Totals.of(List.of(), company.scale());
        this.amountUntaxed = none.untaxed();
        this.amountTax = none.tax();
        this.amountTotal = none.total();
        changeHeader(customer, orderDate, null);
    }

    public final void changeHeader(Contact customer, LocalDate orderDate, String note) {
        requireEditable();
        this.customer = Require.present("customer", customer);
        this.orderDate = Require.present("order date", orderDate);
        this.note = Require.optionalText("note", note, NOTE_MAX);
        touch();
    }

    /** Who sells, and for which team: the fields record rules most often filter on. */
    public void assign(UserAccount salesperson, UserGroup team) {
        if (state == OrderState.CANCELLED) {
            throw new StateMoveRefused("order.refused.cancelled", "a cancelled order is not reassigned");
        }
        this.salesperson = salesperson;
        this.team = team;
        touch();
    }

    /** Makes {@code priced} the order's lines, exactly, in that order. */
    public void replaceLines(List<PricedLine> priced) {
        requireEditable();
        lines.clear();
        int position = 1;
        for (PricedLine line : priced) {
            lines.add(new OrderLine(this, position++, line.product(), line.amounts()));
        }
        recompute();
    }

    public void send() {
        move(OrderState.SENT, "order.refused.send", OrderState.QUOTATION, OrderState.SENT);
    }

    public void confirm() {
        if (lines.isEmpty()) {
            throw new StateMoveRefused("order.refused.empty", "an order without lines cannot be confirmed");
        }
        move(OrderState.CONFIRMED, "order.refused.confirm", OrderState.QUOTATION, OrderState.SENT);
    }

    /** The order's invoice was made; it is not invoiced twice. */
    public void markInvoiced() {
        move(OrderState.INVOICED, "order.refused.invoice", OrderState.CONFIRMED);
    }

    /** Its invoice was cancelled: the order may be invoiced again. */
    public void reopenForInvoicing() {
        move(OrderState.CONFIRMED, "order.refused.reopen", OrderState.INVOICED);
    }

    public void cancel() {
        move(OrderState.CANCELLED, "order.refused.cancel", OrderState.QUOTATION, OrderState.SENT, OrderState.CONFIRMED);
    }

    private void move(OrderState to, String reason, OrderState... from) {
        for (OrderState allowed : from) {
            if (state == allowed) {
                state = to;
                touch();
                return;
            }
        }
        throw new StateMoveRefused(reason, "a " + state + " order cannot move to " + to);
    }

    private void requireEditable() {
        if (!state.isEditable()) {
            throw new StateMoveRefused("order.refused.frozen", "a " + state + " order's lines and customer are fixed");
        }
    }

    private void recompute() {
        Totals totals = Totals.of(lines.stream().map(OrderLine::amounts).toList(), company.scale());
        amountUntaxed = totals.untaxed();
        amountTax = totals.tax();
        amountTotal = totals.total();
        touch();
    }

    private void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** "SO00042": the number people quote. */
    public String number() {
        return String.format("SO%05d", id);
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

    public Optional<UserGroup> team() {
        return Optional.ofNullable(team);
    }

    public Company company() {
        return company;
    }

    public OrderState state() {
        return state;
    }

    public LocalDate orderDate() {
        return orderDate;
    }

    public String currency() {
        return currency;
    }

    public Totals totals() {
        return new Totals(amountUntaxed, amountTax, amountTotal);
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public long version() {
        return version;
    }
}
