package app.strongroom.tenant.sales;

import app.strongroom.common.Require;
import app.strongroom.tenant.company.Company;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A sales order: a customer, a salesperson and team, the company selling, and lines. It moves quotation -> sent ->
 * confirmed -> invoiced, or to cancelled; every move is a method that refuses when the move is not allowed.
 */
@Entity
@Table(name = "sale_order")
public class SalesOrder extends SalesDocument {
    public static final int NOTE_MAX = 10_000;
    /** More lines than any order has; each line costs a product lookup, so a request may not send a million. */
    public static final int MAX_LINES = 500;

    @BatchFetch(BatchFetchType.IN)
    @ManyToOne
    @JoinColumn(name = "team_id")
    private UserGroup team;
    // Read-only copy of the foreign key, for record rules that compare the team without a join.
    @Column(name = "team_id", insertable = false, updatable = false)
    private Long teamId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderState state;
    @Column(name = "order_date", nullable = false)
    private LocalDate orderDate;
    private String note;
    @Column(name = "portal_generation", nullable = false)
    private int portalGeneration;
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<OrderLine> lines = new ArrayList<>();

    protected SalesOrder() {
    }

    /** A new quotation of {@code company}, in its currency, with no lines yet. */
    public SalesOrder(Contact customer, Company company, LocalDate orderDate) {
        super(company);
        this.state = OrderState.QUOTATION;
        changeHeader(customer, orderDate, null);
    }

    /**
     * A new customer also voids the order's portal links: a link mailed to the previous customer must not show or
     * answer an order that is now somebody else's.
     */
    public final void changeHeader(Contact customer, LocalDate orderDate, String note) {
        requireEditable();
        if (customer() != null && !customer().isSameContact(customer)) {
            revokePortalLinks();
        }
        billTo(customer);
        this.orderDate = Require.present("order date", orderDate);
        this.note = Require.optionalText("note", note, NOTE_MAX);
        touch();
    }

    /** Who sells, and for which team: the fields record rules most often filter on. */
    public void assign(UserAccount salesperson, UserGroup team) {
        if (state == OrderState.CANCELLED) {
            throw new StateMoveRefused("order.refused.cancelled", "a cancelled order is not reassigned");
        }
        soldBy(salesperson);
        this.team = team;
    }

    /** Makes {@code priced} the order's lines, exactly, in that order. */
    public void replaceLines(List<PricedLine> priced) {
        requireEditable();
        lines.clear();
        int position = 1;
        for (PricedLine line : priced) {
            lines.add(new OrderLine(this, position++, line.product(), line.amounts()));
        }
        total(lines.stream().map(OrderLine::amounts).toList());
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

    /**
     * Whether the customer may still answer the order through a portal link: only a sent order waits for their
     * answer.
     */
    public boolean awaitsCustomer() {
        return state == OrderState.SENT;
    }

    /** Voids every portal link of this order mailed so far; links mailed afterwards carry the new generation. */
    public void revokePortalLinks() {
        if (portalGeneration == Integer.MAX_VALUE) {
            throw new StateMoveRefused("portal.refused.generation", "this order's links cannot be revoked again");
        }
        portalGeneration++;
    }

    /** The generation signed into this order's portal links: only links of the current one work. */
    public int portalGeneration() {
        return portalGeneration;
    }

    /** "SO00042": the number people quote. */
    public String number() {
        return numberOf(id());
    }

    /** The number of the order with id {@code id}. */
    public static String numberOf(long id) {
        return String.format("SO%05d", id);
    }

    public Optional<UserGroup> team() {
        return Optional.ofNullable(team);
    }

    public OrderState state() {
        return state;
    }

    public LocalDate orderDate() {
        return orderDate;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

}
