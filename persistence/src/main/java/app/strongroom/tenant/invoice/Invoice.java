package app.strongroom.tenant.invoice;

import app.strongroom.common.InvalidValue;
import app.strongroom.common.Require;
import app.strongroom.tenant.sales.OrderLine;
import app.strongroom.tenant.sales.OrderState;
import app.strongroom.tenant.sales.PricedLine;
import app.strongroom.tenant.sales.SalesDocument;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.sales.StateMoveRefused;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A customer invoice. Made from a confirmed order, whose lines it copies, and which it marks invoiced. It moves draft
 * -> posted -> paid, or to cancelled (which reopens the order for invoicing); posted, its lines cannot change.
 */
@Entity
@Table(name = "invoice")
@NamedQuery(name = Invoice.OF_ORDER, query = "select count(i) from Invoice i where i.order = :order")
public class Invoice extends SalesDocument {
    public static final String OF_ORDER = "Invoice.ofOrder";
    /** Days from the invoice date to the due date unless the tenant says otherwise. */
    public static final int DEFAULT_TERM_DAYS = 30;

    @BatchFetch(BatchFetchType.IN)
    @ManyToOne
    @JoinColumn(name = "order_id")
    private SalesOrder order;
    // Read-only copy of the foreign key, for record rules that compare the order without a join.
    @Column(name = "order_id", insertable = false, updatable = false)
    private Long orderId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceState state;
    @Column(name = "invoice_date", nullable = false)
    private LocalDate invoiceDate;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Column(name = "posted_at")
    private OffsetDateTime postedAt;
    @Column(name = "paid_at")
    private OffsetDateTime paidAt;
    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    private Invoice(SalesOrder order, LocalDate on) {
        super(order.company());
        this.order = order;
        billTo(order.customer());
        soldBy(order.salesperson().orElse(null));
        this.state = InvoiceState.DRAFT;
        this.invoiceDate = Require.present("invoice date", on);
        this.dueDate = on.plusDays(DEFAULT_TERM_DAYS);
    }

    /** The draft invoice of a confirmed order, dated {@code on}; the order is marked invoiced. */
    public static Invoice of(SalesOrder order, LocalDate on) {
        if (order.state() != OrderState.CONFIRMED) {
            throw new StateMoveRefused("invoice.refused.notConfirmed", "only a confirmed order is invoiced");
        }
        Invoice invoice = new Invoice(order, on);
        int position = 1;
        for (OrderLine line : order.lines()) {
            invoice.lines.add(new InvoiceLine(invoice, position++, line.product(), line.amounts()));
        }
        invoice.total(invoice.lines.stream().map(InvoiceLine::amounts).toList());
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
        total(lines.stream().map(InvoiceLine::amounts).toList());
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

    /** "INV00042": the number people quote. */
    public String number() {
        return String.format("INV%05d", id());
    }

    public Optional<SalesOrder> order() {
        return Optional.ofNullable(order);
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

    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }
}
