package app.strongroom.sales;

import app.strongroom.common.InvalidValue;
import app.strongroom.files.FileStore;
import app.strongroom.identity.Role;
import app.strongroom.records.Change;
import app.strongroom.records.ListField;
import app.strongroom.records.ListRequest;
import app.strongroom.records.RecordLists;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.access.AccessPolicy;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.company.Company;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.defaults.DefaultField;
import app.strongroom.tenant.defaults.Defaults;
import app.strongroom.tenant.file.FileOwner;
import app.strongroom.tenant.file.StoredFile;
import app.strongroom.tenant.invoice.Invoice;
import app.strongroom.tenant.sales.LineInput;
import app.strongroom.tenant.sales.OrderState;
import app.strongroom.tenant.sales.PricedLine;
import app.strongroom.tenant.sales.Product;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.sales.StateMoveRefused;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller's sales orders. Every method asks the caller's rights and record rules: without the right it throws
 * {@link app.strongroom.tenant.access.AccessRefused}; an order outside the rules is not found; a change that would
 * leave an order outside them is refused ({@link app.strongroom.tenant.access.OutsideRules}) and rolled back. The
 * customer and products of an order must be ones the caller can read.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SalesOrderService {
    private static final RecordModel MODEL = RecordModel.SALES_ORDER;

    @Inject
    TenantData tenantData;
    @Inject
    FileStore fileStore;

    public List<OrderRow> list(ListRequest<OrderField> request) {
        return tenantData.underRules((em, policy) -> RecordLists.list(em, policy, MODEL, SalesOrder.class, request,
                OrderField.NUMBER).stream().map(OrderRow::of).toList());
    }

    public long count(Map<OrderField, String> filters) {
        return tenantData.underRules((em, policy) -> RecordLists.count(em, policy, MODEL, filters));
    }

    public Optional<OrderView> find(long id) {
        return tenantData.underRules((em, policy) -> policy.find(em, SalesOrder.class, MODEL, Operation.READ, id)
                .map(OrderView::of));
    }

    /**
     * A new quotation of the caller's company, as typed: its form opened with the defaults already, so what its user
     * emptied stays empty. Without a date the order is dated today; without a salesperson the caller sells it.
     */
    public long create(OrderDraft draft) {
        return tenantData.underRules((em, policy) -> create(em, policy, draft));
    }

    /** A new quotation whose fields the draft leaves empty take the tenant's computed defaults first. */
    public long createWithDefaults(OrderDraft draft) {
        return tenantData.underRules((em, policy) -> {
            policy.require(MODEL, Operation.CREATE);
            return create(em, policy, completed(draft, Defaults.of(em, MODEL, policy.user())));
        });
    }

    private static long create(EntityManager em, AccessPolicy policy, OrderDraft draft) {
        policy.require(MODEL, Operation.CREATE);
        LocalDate date = draft.orderDate() != null ? draft.orderDate() : policy.user().today();
        Company company = em.find(Company.class, policy.user().companyId());
        Contact customer = customer(em, policy, draft.customerId());
        SalesOrder order = new SalesOrder(customer, company, date);
        order.changeHeader(customer, date, draft.note());
        apply(em, policy, order, draft);
        em.persist(order);
        em.flush();
        policy.requireInside(em, MODEL, Operation.CREATE, order.id());
        return order.id();
    }

    public Change update(long id, long version, OrderDraft draft) {
        return tenantData.underRules((em, policy) -> {
            Optional<SalesOrder> order = policy.find(em, SalesOrder.class, MODEL, Operation.WRITE, id);
            if (order.isEmpty()) {
                return new Change.NotFound();
            }
            if (order.get().version() != version) {
                return new Change.Stale();
            }
            order.get().changeHeader(customer(em, policy, draft.customerId()), draft.orderDate(), draft.note());
            apply(em, policy, order.get(), draft);
            policy.requireInside(em, MODEL, Operation.WRITE, id);
            return new Change.Done(id);
        });
    }

    /** @throws StateMoveRefused when the order's state does not allow the move */
    public Change move(long id, OrderMove move) {
        return tenantData.underRules((em, policy) -> {
            Optional<SalesOrder> order = policy.find(em, SalesOrder.class, MODEL, Operation.WRITE, id);
            if (order.isEmpty()) {
                return new Change.NotFound();
            }
            switch (move) {
                case SEND -> order.get().send();
                case CONFIRM -> order.get().confirm();
                case CANCEL -> order.get().cancel();
            }
            policy.requireInside(em, MODEL, Operation.WRITE, id);
            return new Change.Done(id);
        });
    }

    /** Makes the draft invoice of a confirmed order: {@link Change.Done} carries the invoice's id. */
    public Change invoice(long id) {
        return tenantData.underRules((em, policy) -> {
            policy.require(RecordModel.INVOICE, Operation.CREATE);
            Optional<SalesOrder> order = policy.find(em, SalesOrder.class, MODEL, Operation.WRITE, id);
            if (order.isEmpty()) {
                return new Change.NotFound();
            }
            // The same day the due-date default and the rules read: a clock read again could be past midnight.
            Invoice invoice = Invoice.of(order.get(), policy.user().today());
            Defaults.of(em, RecordModel.INVOICE, policy.user()).date(DefaultField.INVOICE_DUE_DATE)
                    .ifPresent(due -> invoice.changeDates(invoice.invoiceDate(), due));
            em.persist(invoice);
            em.flush();
            policy.requireInside(em, RecordModel.INVOICE, Operation.CREATE, invoice.id());
            policy.requireInside(em, MODEL, Operation.WRITE, id);
            return new Change.Done(invoice.id());
        });
    }

    /** Deletes a quotation or a cancelled order that was never invoiced, with its files: rows first, contents after. */
    public Change delete(long id) {
        List<UUID> files = new ArrayList<>();
        Change change = tenantData.underRules((em, policy) -> {
            Optional<SalesOrder> order = policy.find(em, SalesOrder.class, MODEL, Operation.DELETE, id);
            if (order.isEmpty()) {
                return new Change.NotFound();
            }
            OrderState state = order.get().state();
            if ((state != OrderState.QUOTATION && state != OrderState.CANCELLED)
                    || em.createNamedQuery(Invoice.OF_ORDER, Long.class).setParameter("order", order.get())
                    .getSingleResult() > 0) {
                throw new StateMoveRefused("order.refused.delete", "only quotations and cancelled orders never "
                        + "invoiced are deleted");
            }
            StoredFile.of(em, new FileOwner(MODEL, id)).forEach(f -> {
                files.add(f.fileKey());
                em.remove(f);
            });
            em.remove(order.get());
            return new Change.Done(id);
        });
        files.forEach(key -> fileStore.discard(tenantData.caller().tenant(), key));
        return change;
    }

    /**
     * The choices of an order form, each list under the caller's read rights and rules; nothing for a caller who may
     * neither create nor change orders (the users' logins and the groups' names are not theirs to list).
     */
    public OrderChoices choices() {
        return tenantData.underRules((em, policy) -> {
            if (!policy.permits(MODEL, Operation.CREATE) && !policy.permits(MODEL, Operation.WRITE)) {
                return new OrderChoices(List.of(), List.of(), List.of(), List.of());
            }
            List<Choice> customers = policy.permits(RecordModel.CONTACT, Operation.READ)
                    ? RecordLists.list(em, policy, RecordModel.CONTACT, Contact.class, new ListRequest<>(
                            Map.<Named, String>of(), Optional.of(Named.NAME), true, 0, OrderChoices.LIMIT), Named.NAME)
                    .stream().map(c -> new Choice(c.id().value(), c.name())).toList() : List.of();
            List<Choice> products = policy.permits(RecordModel.PRODUCT, Operation.READ)
                    ? RecordLists.list(em, policy, RecordModel.PRODUCT, Product.class, new ListRequest<>(
                            Map.of(Named.ACTIVE, "true"), Optional.of(Named.NAME), true, 0, OrderChoices.LIMIT),
                            Named.NAME)
                    .stream().map(p -> new Choice(p.id(), p.code() + " " + p.name())).toList() : List.of();
            List<Choice> salespeople = em.createNamedQuery(UserAccount.ALL, UserAccount.class).getResultStream()
                    .filter(UserAccount::isActive).map(u -> new Choice(u.id(), u.login())).toList();
            List<Choice> teams = em.createNamedQuery(UserGroup.ALL, UserGroup.class).getResultStream()
                    .map(g -> new Choice(g.id(), g.name())).toList();
            return new OrderChoices(customers, products, salespeople, teams);
        });
    }

    /** Sorting by name, and the active flag, for the pick lists of {@link #choices()}. */
    private enum Named implements ListField {
        NAME, ACTIVE;

        @Override
        public Path<?> path(Root<?> root) {
            return root.get(this == NAME ? "name" : "active");
        }

        @Override
        public Predicate matching(CriteriaBuilder cb, Root<?> root, String typed) {
            return cb.isTrue(root.get("active"));
        }
    }

    private static OrderDraft completed(OrderDraft draft, Defaults defaults) {
        return new OrderDraft(draft.customerId(),
                draft.orderDate() != null ? draft.orderDate() : defaults.date(DefaultField.ORDER_DATE).orElse(null),
                draft.note() != null && !draft.note().isBlank() ? draft.note()
                        : defaults.text(DefaultField.ORDER_NOTE).orElse(null),
                draft.salespersonId() != null ? draft.salespersonId()
                        : defaults.id(DefaultField.ORDER_SALESPERSON).orElse(null),
                draft.teamId() != null ? draft.teamId() : defaults.id(DefaultField.ORDER_TEAM).orElse(null),
                draft.lines());
    }

    private static Contact customer(EntityManager em, AccessPolicy policy, long customerId) {
        return policy.find(em, Contact.class, RecordModel.CONTACT, Operation.READ, customerId)
                .orElseThrow(() -> new InvalidValue("customer", "is not a contact you can see"));
    }

    private static void apply(EntityManager em, AccessPolicy policy, SalesOrder order, OrderDraft draft) {
        long salespersonId = draft.salespersonId() == null ? policy.user().userId() : draft.salespersonId();
        UserAccount salesperson = Optional.ofNullable(em.find(UserAccount.class, salespersonId))
                .filter(UserAccount::isActive)
                .orElseThrow(() -> new InvalidValue("salesperson", "is not an active user"));
        UserGroup team = draft.teamId() == null ? null : Optional.ofNullable(em.find(UserGroup.class, draft.teamId()))
                .orElseThrow(() -> new InvalidValue("team", "is not a group"));
        order.assign(salesperson, team);
        if (order.state().isEditable()) {
            List<PricedLine> priced = new ArrayList<>();
            for (LineInput line : draft.lines()) {
                Product product = policy.find(em, Product.class, RecordModel.PRODUCT, Operation.READ, line.productId())
                        .orElseThrow(() -> new InvalidValue("product", "is not a product you can see"));
                product.requireOffered();
                priced.add(PricedLine.of(product, line, order.company()));
            }
            order.replaceLines(priced);
        }
    }
}
