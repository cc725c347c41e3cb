package app.strongroom.invoices;

import app.strongroom.files.FileStore;
import app.strongroom.identity.Role;
import app.strongroom.records.Change;
import app.strongroom.records.ListRequest;
import app.strongroom.records.RecordLists;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.access.AccessPolicy;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.OutsideRules;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.file.FileOwner;
import app.strongroom.tenant.file.StoredFile;
import app.strongroom.tenant.invoice.Invoice;
import app.strongroom.tenant.invoice.InvoiceState;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.sales.StateMoveRefused;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller's invoices, made by {@link app.strongroom.sales.SalesOrderService#invoice}. Every method asks the
 * caller's rights and record rules, as the order service does.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvoiceService {
    private static final RecordModel MODEL = RecordModel.INVOICE;

    @Inject
    TenantData tenantData;
    @Inject
    FileStore fileStore;

    public List<InvoiceRow> list(ListRequest<InvoiceField> request) {
        return tenantData.underRules((em, policy) -> RecordLists.list(em, policy, MODEL, Invoice.class, request,
                InvoiceField.NUMBER).stream().map(InvoiceRow::of).toList());
    }

    public long count(Map<InvoiceField, String> filters) {
        return tenantData.underRules((em, policy) -> RecordLists.count(em, policy, MODEL, filters));
    }

    public Optional<InvoiceView> find(long id) {
        return tenantData.underRules((em, policy) -> policy.find(em, Invoice.class, MODEL, Operation.READ, id)
                .map(InvoiceView::of));
    }

    /** @throws StateMoveRefused when the invoice's state does not allow the move (posting a cancelled invoice) */
    public Change move(long id, InvoiceMove move) {
        return tenantData.underRules((em, policy) -> {
            Optional<Invoice> invoice = policy.find(em, Invoice.class, MODEL, Operation.WRITE, id);
            if (invoice.isEmpty()) {
                return new Change.NotFound();
            }
            if (move == InvoiceMove.CANCEL) {
                requireOrderWritable(em, policy, invoice.get());
            }
            switch (move) {
                case POST -> invoice.get().post(Clock.systemUTC().instant());
                case PAY -> invoice.get().markPaid(Clock.systemUTC().instant());
                case CANCEL -> invoice.get().cancel();
            }
            policy.requireInside(em, MODEL, Operation.WRITE, id);
            orderInside(em, policy, invoice.get());
            return new Change.Done(id);
        });
    }

    /**
     * Deletes a draft or cancelled invoice with its files (rows first, contents after); posted and paid ones are the
     * books and stay.
     */
    public Change delete(long id) {
        List<UUID> files = new ArrayList<>();
        Change change = tenantData.underRules((em, policy) -> {
            Optional<Invoice> invoice = policy.find(em, Invoice.class, MODEL, Operation.DELETE, id);
            if (invoice.isEmpty()) {
                return new Change.NotFound();
            }
            if (invoice.get().state() == InvoiceState.POSTED || invoice.get().state() == InvoiceState.PAID) {
                throw new StateMoveRefused("invoice.refused.delete", "posted and paid invoices stay");
            }
            if (invoice.get().state() == InvoiceState.DRAFT) {
                requireOrderWritable(em, policy, invoice.get());
                invoice.get().cancel();
                orderInside(em, policy, invoice.get());
            }
            StoredFile.of(em, new FileOwner(MODEL, id)).forEach(f -> {
                files.add(f.fileKey());
                em.remove(f);
            });
            em.remove(invoice.get());
            return new Change.Done(id);
        });
        files.forEach(key -> fileStore.discard(tenantData.caller().tenant(), key));
        return change;
    }

    /**
     * Cancelling an invoice reopens its order for invoicing, which changes the order: allowed only to whoever may
     * change that order under their rights and rules; anybody else finds the invoice's order not theirs to reopen.
     */
    private static void requireOrderWritable(EntityManager em, AccessPolicy policy, Invoice invoice) {
        invoice.order().ifPresent(order -> {
            if (policy.find(em, SalesOrder.class, RecordModel.SALES_ORDER, Operation.WRITE, order.id()).isEmpty()) {
                throw new OutsideRules(RecordModel.SALES_ORDER, Operation.WRITE);
            }
        });
    }

    private static void orderInside(EntityManager em, AccessPolicy policy, Invoice invoice) {
        invoice.order().ifPresent(order -> policy.requireInside(em, RecordModel.SALES_ORDER, Operation.WRITE,
                order.id()));
    }
}
