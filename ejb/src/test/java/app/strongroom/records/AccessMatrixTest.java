package app.strongroom.records;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.contacts.ContactChange;
import app.strongroom.contacts.ContactQuery;
import app.strongroom.contacts.ContactService;
import app.strongroom.invoices.InvoiceField;
import app.strongroom.invoices.InvoiceMove;
import app.strongroom.invoices.InvoiceService;
import app.strongroom.products.ProductField;
import app.strongroom.products.ProductService;
import app.strongroom.sales.OrderDraft;
import app.strongroom.sales.OrderField;
import app.strongroom.sales.OrderMove;
import app.strongroom.sales.SalesOrderService;
import app.strongroom.tenant.access.AccessRefused;
import app.strongroom.tenant.access.ModelAccess;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.OutsideRules;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.access.RecordRule;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.contact.ContactDetails;
import app.strongroom.tenant.contact.ContactId;
import app.strongroom.tenant.invoice.Invoice;
import app.strongroom.tenant.sales.LineInput;
import app.strongroom.tenant.sales.OrderState;
import app.strongroom.tenant.sales.Product;
import app.strongroom.tenant.sales.ProductDetails;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
import app.strongroom.common.EmailAddress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access matrix through the services, on a real tenant database: every model x every operation x {no right,
 * right but the record outside the rules, right and inside the rules}. Each cell asserts the outcome and that a
 * refused operation changed nothing.
 */
class AccessMatrixTest {
    private static final String BOSS = "boss";
    private static final String SAM = "sam";
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static TenantFixture tenant;
    private static long sam;
    private static long boss;
    private static long customer;
    private static long product;

    enum Situation { NO_RIGHT, OUTSIDE, INSIDE }

    enum Outcome { REFUSED, NOT_FOUND, OUTSIDE_RULES, DONE }

    @BeforeAll
    static void tenant() throws Exception {
        tenant = new TenantFixture();
        tenant.inTransaction(em -> {
            UserGroup sales = new UserGroup("Sales");
            em.persist(sales);
            UserAccount b = UserAccount.administrator(BOSS, new EmailAddress("boss@example.org"), "x");
            UserAccount s = UserAccount.user(SAM, new EmailAddress("sam@example.org"), "x");
            s.assignGroups(Set.of(sales));
            em.persist(b);
            em.persist(s);
            em.flush();
            boss = b.id();
            sam = s.id();
            return null;
        });
        customer = tenant.as(BOSS, new ContactService()).create(ContactDetails.of("Customer", null, null, null,
                "Inside")).value();
        product = tenant.as(BOSS, new ProductService()).create(new ProductDetails("Inside", "P-MAIN",
                new BigDecimal("10.00"), new BigDecimal("20"), true));
    }

    @AfterAll
    static void close() throws Exception {
        tenant.close();
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (RecordModel model : RecordModel.managed()) {
            for (Operation operation : Operation.values()) {
                for (Situation situation : Situation.values()) {
                    cells.add(Arguments.of(model, operation, situation));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cells")
    void eachCellOfTheMatrixIsDecidedByRightsAndRules(RecordModel model, Operation operation, Situation situation) {
        Subject subject = subject(model);
        long target = situation == Situation.NO_RIGHT ? subject.make(true) : subject.make(situation == Situation.INSIDE);
        String before = subject.state(target);
        long countBefore = subject.count();
        install(model, operation, situation, subject.rule());

        Outcome outcome = outcomeOf(() -> switch (operation) {
            case READ -> subject.read(target);
            case WRITE -> subject.write(target);
            case CREATE -> subject.create(situation != Situation.OUTSIDE);
            case DELETE -> subject.delete(target);
        });

        Outcome expected = switch (situation) {
            case NO_RIGHT -> Outcome.REFUSED;
            case OUTSIDE -> operation == Operation.CREATE ? Outcome.OUTSIDE_RULES : Outcome.NOT_FOUND;
            case INSIDE -> Outcome.DONE;
        };
        assertThat(outcome).isEqualTo(expected);
        clearRules();
        if (outcome != Outcome.DONE) {
            assertThat(subject.state(target)).as("a refused operation changed nothing").isEqualTo(before);
            assertThat(subject.count()).isEqualTo(countBefore);
        } else if (operation == Operation.WRITE) {
            assertThat(subject.state(target)).isNotEqualTo(before);
        } else if (operation == Operation.DELETE) {
            assertThat(subject.state(target)).isEqualTo("gone");
        } else if (operation == Operation.CREATE) {
            assertThat(subject.count()).isEqualTo(countBefore + 1);
        }
    }

    private static Outcome outcomeOf(Supplier<Boolean> operation) {
        try {
            return operation.get() ? Outcome.DONE : Outcome.NOT_FOUND;
        } catch (AccessRefused refused) {
            return Outcome.REFUSED;
        } catch (OutsideRules outside) {
            return Outcome.OUTSIDE_RULES;
        }
    }

    /**
     * Rights and rules for one cell: the Sales group (Sam's) holds every right on the model but the one tested when
     * there is to be no right; otherwise every right, with a global rule on every operation. Sam may always read
     * contacts and products and work on orders, which making orders and invoices needs.
     */
    private static void install(RecordModel model, Operation operation, Situation situation, String rule) {
        tenant.inTransaction(em -> {
            em.createQuery("delete from ModelAccess").executeUpdate();
            em.createQuery("delete from RecordRule").executeUpdate();
            UserGroup sales = em.createNamedQuery(UserGroup.BY_NAMES, UserGroup.class)
                    .setParameter("names", List.of("Sales")).getSingleResult();
            for (RecordModel other : RecordModel.managed()) {
                if (other == model) {
                    Set<Operation> granted = EnumSet.allOf(Operation.class);
                    if (situation == Situation.NO_RIGHT) {
                        granted.remove(operation);
                    }
                    em.persist(new ModelAccess(model, Optional.of(sales), granted));
                } else if (other != RecordModel.INVOICE) {
                    em.persist(new ModelAccess(other, Optional.empty(), other == RecordModel.PRODUCT
                            ? EnumSet.of(Operation.READ) : EnumSet.allOf(Operation.class)));
                }
            }
            if (situation != Situation.NO_RIGHT) {
                em.persist(new RecordRule("matrix", model, Optional.empty(), rule, EnumSet.allOf(Operation.class)));
            }
            return null;
        });
    }

    private static void clearRules() {
        tenant.inTransaction(em -> em.createQuery("delete from RecordRule").executeUpdate());
    }

    private static Subject subject(RecordModel model) {
        return switch (model) {
            case CONTACT -> new Contacts();
            case PRODUCT -> new Products();
            case SALES_ORDER -> new Orders();
            case INVOICE -> new Invoices();
            default -> throw new IllegalArgumentException(model.name());
        };
    }

    /** One model's side of the matrix: how to make a record, and each operation as Sam does it. */
    interface Subject {
        /** Made by the administrator before any rule is in place; {@code inside} decides which side of the rule. */
        long make(boolean inside);

        String rule();

        /** Whether Sam finds it, lists it and counts it, all three agreeing. */
        boolean read(long id);

        boolean write(long id);

        boolean create(boolean inside);

        boolean delete(long id);

        /** What the database holds for the record, to compare before and after; "gone" once deleted. */
        String state(long id);

        long count();
    }

    static boolean agreeing(boolean found, boolean listed, long countWith, long countWithout) {
        assertThat(listed).as("the list agrees with the single load").isEqualTo(found);
        assertThat(countWith).as("the count agrees with the single load").isEqualTo(countWithout + (found ? 1 : 0));
        return found;
    }

    private static final class Contacts implements Subject {
        private final ContactService boss = tenant.as(BOSS, new ContactService());
        private final ContactService sam = tenant.as(SAM, new ContactService());

        public long make(boolean inside) {
            return boss.create(ContactDetails.of("Contact " + SERIAL.incrementAndGet(), null, null, null,
                    inside ? "Inside" : "Outside")).value();
        }

        public String rule() {
            return "city = 'Inside'";
        }

        public boolean read(long id) {
            boolean found = sam.find(new ContactId(id)).isPresent();
            boolean listed = sam.list(new ContactQuery(Map.of(), Optional.empty(), true, 0, 100)).stream()
                    .anyMatch(c -> c.id() == id);
            long all = sam.count(Map.of());
            long inside = tenant.inTransaction(em -> em.createQuery(
                    "select count(c) from Contact c where c.city = 'Inside' and c.id <> :id", Long.class)
                    .setParameter("id", id).getSingleResult());
            return agreeing(found, listed, all, inside);
        }

        public boolean write(long id) {
            long version = tenant.inTransaction(em -> em.find(Contact.class, id).version());
            ContactChange change = sam.update(new ContactId(id), version, ContactDetails.of("Renamed " + id, null,
                    null, null, "Inside"));
            return change instanceof ContactChange.Done;
        }

        public boolean create(boolean inside) {
            sam.create(ContactDetails.of("Made by Sam", null, null, null, inside ? "Inside" : "Outside"));
            return true;
        }

        public boolean delete(long id) {
            return sam.delete(new ContactId(id)) instanceof ContactChange.Done;
        }

        public String state(long id) {
            return tenant.inTransaction(em -> Optional.ofNullable(em.find(Contact.class, id))
                    .map(c -> c.name() + "/" + c.city()).orElse("gone"));
        }

        public long count() {
            return tenant.inTransaction(em -> em.createQuery("select count(c) from Contact c", Long.class)
                    .getSingleResult());
        }
    }

    private static final class Products implements Subject {
        private final ProductService boss = tenant.as(BOSS, new ProductService());
        private final ProductService sam = tenant.as(SAM, new ProductService());

        public long make(boolean inside) {
            return boss.create(details(inside, "M"));
        }

        private static ProductDetails details(boolean inside, String prefix) {
            return new ProductDetails(inside ? "Inside" : "Outside", prefix + SERIAL.incrementAndGet(),
                    new BigDecimal("5.00"), BigDecimal.TEN, true);
        }

        public String rule() {
            return "name = 'Inside'";
        }

        public boolean read(long id) {
            boolean found = sam.find(id).isPresent();
            boolean listed = sam.list(new ListRequest<>(Map.<ProductField, String>of(), Optional.empty(), true, 0,
                    100)).stream().anyMatch(p -> p.id() == id);
            long all = sam.count(Map.of());
            long inside = tenant.inTransaction(em -> em.createQuery(
                    "select count(p) from Product p where p.name = 'Inside' and p.id <> :id", Long.class)
                    .setParameter("id", id).getSingleResult());
            return agreeing(found, listed, all, inside);
        }

        public boolean write(long id) {
            Product p = tenant.inTransaction(em -> em.find(Product.class, id));
            return sam.update(id, p.version(), new ProductDetails(p.name(), p.code(), new BigDecimal("7.50"),
                    p.taxRate(), true)) instanceof Change.Done;
        }

        public boolean create(boolean inside) {
            sam.create(details(inside, "S"));
            return true;
        }

        public boolean delete(long id) {
            return sam.delete(id) instanceof Change.Done;
        }

        public String state(long id) {
            return tenant.inTransaction(em -> Optional.ofNullable(em.find(Product.class, id))
                    .map(p -> p.name() + "/" + p.unitPrice()).orElse("gone"));
        }

        public long count() {
            return tenant.inTransaction(em -> em.createQuery("select count(p) from Product p", Long.class)
                    .getSingleResult());
        }
    }

    static OrderDraft draft(long salesperson) {
        return new OrderDraft(customer, LocalDate.now(ZoneOffset.UTC), null, salesperson, null,
                List.of(new LineInput(product, new BigDecimal("2"), null, null)));
    }

    private static final class Orders implements Subject {
        private final SalesOrderService boss = tenant.as(BOSS, new SalesOrderService());
        private final SalesOrderService sam = tenant.as(SAM, new SalesOrderService());

        public long make(boolean inside) {
            return boss.create(draft(inside ? AccessMatrixTest.sam : AccessMatrixTest.boss));
        }

        public String rule() {
            return "salesperson = user.id";
        }

        public boolean read(long id) {
            boolean found = sam.find(id).isPresent();
            boolean listed = sam.list(new ListRequest<>(Map.<OrderField, String>of(), Optional.empty(), true, 0,
                    100)).stream().anyMatch(o -> o.id() == id);
            long all = sam.count(Map.of());
            long inside = tenant.inTransaction(em -> em.createQuery("select count(o) from SalesOrder o "
                    + "where o.salesperson.id = :sam and o.id <> :id", Long.class)
                    .setParameter("sam", AccessMatrixTest.sam).setParameter("id", id).getSingleResult());
            return agreeing(found, listed, all, inside);
        }

        public boolean write(long id) {
            return sam.move(id, OrderMove.SEND) instanceof Change.Done;
        }

        public boolean create(boolean inside) {
            sam.create(draft(inside ? AccessMatrixTest.sam : AccessMatrixTest.boss));
            return true;
        }

        public boolean delete(long id) {
            return sam.delete(id) instanceof Change.Done;
        }

        public String state(long id) {
            return tenant.inTransaction(em -> Optional.ofNullable(em.find(SalesOrder.class, id))
                    .map(o -> o.state() + "/" + o.version()).orElse("gone"));
        }

        public long count() {
            return tenant.inTransaction(em -> em.createQuery("select count(o) from SalesOrder o", Long.class)
                    .getSingleResult());
        }
    }

    private static final class Invoices implements Subject {
        private final SalesOrderService bossOrders = tenant.as(BOSS, new SalesOrderService());
        private final SalesOrderService samOrders = tenant.as(SAM, new SalesOrderService());
        private final InvoiceService sam = tenant.as(SAM, new InvoiceService());

        private long confirmedOrder(boolean inside) {
            long order = bossOrders.create(draft(inside ? AccessMatrixTest.sam : AccessMatrixTest.boss));
            bossOrders.move(order, OrderMove.CONFIRM);
            return order;
        }

        public long make(boolean inside) {
            return ((Change.Done) bossOrders.invoice(confirmedOrder(inside))).id();
        }

        public String rule() {
            return "salesperson = user.id";
        }

        public boolean read(long id) {
            boolean found = sam.find(id).isPresent();
            boolean listed = sam.list(new ListRequest<>(Map.<InvoiceField, String>of(), Optional.empty(), true, 0,
                    100)).stream().anyMatch(i -> i.id() == id);
            long all = sam.count(Map.of());
            long inside = tenant.inTransaction(em -> em.createQuery("select count(i) from Invoice i "
                    + "where i.salesperson.id = :sam and i.id <> :id", Long.class)
                    .setParameter("sam", AccessMatrixTest.sam).setParameter("id", id).getSingleResult());
            return agreeing(found, listed, all, inside);
        }

        public boolean write(long id) {
            return sam.move(id, InvoiceMove.POST) instanceof Change.Done;
        }

        public boolean create(boolean inside) {
            long order = confirmedOrder(inside);
            boolean done = samOrders.invoice(order) instanceof Change.Done;
            OrderState state = tenant.inTransaction(em -> em.find(SalesOrder.class, order).state());
            assertThat(state).isEqualTo(OrderState.INVOICED);
            return done;
        }

        public boolean delete(long id) {
            return sam.delete(id) instanceof Change.Done;
        }

        public String state(long id) {
            return tenant.inTransaction(em -> Optional.ofNullable(em.find(Invoice.class, id))
                    .map(i -> i.state() + "/" + i.version()).orElse("gone"));
        }

        public long count() {
            return tenant.inTransaction(em -> em.createQuery("select count(i) from Invoice i", Long.class)
                    .getSingleResult());
        }
    }
}
