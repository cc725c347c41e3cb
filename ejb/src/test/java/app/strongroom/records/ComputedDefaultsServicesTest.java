package app.strongroom.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.common.EmailAddress;
import app.strongroom.common.InvalidValue;
import app.strongroom.contacts.ContactService;
import app.strongroom.contacts.ContactView;
import app.strongroom.defaults.DefaultAdministration;
import app.strongroom.defaults.DefaultChange;
import app.strongroom.defaults.DefaultView;
import app.strongroom.defaults.NewRecordDefaults;
import app.strongroom.invoices.InvoiceService;
import app.strongroom.invoices.InvoiceView;
import app.strongroom.products.ProductService;
import app.strongroom.sales.OrderDraft;
import app.strongroom.sales.OrderMove;
import app.strongroom.sales.OrderView;
import app.strongroom.sales.SalesOrderService;
import app.strongroom.tenant.access.ModelAccess;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.contact.ContactDetails;
import app.strongroom.tenant.defaults.DefaultField;
import app.strongroom.tenant.defaults.Defaults;
import app.strongroom.tenant.sales.LineInput;
import app.strongroom.tenant.sales.ProductDetails;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Computed defaults through the services on a real tenant database: the administrator saves, is refused and clears
 * them (audited); a new record's form gets them computed for its user; a record made without a field takes its
 * default, one made with the field keeps it, and a default goes through the same checks and rules as a typed value.
 */
class ComputedDefaultsServicesTest {
    private static final LocalDate TODAY = TenantFixture.TODAY;
    private static TenantFixture tenant;
    private static long sam;
    private static long boss;
    private static long sales;
    private static long customer;
    private static long product;

    @BeforeAll
    static void tenant() throws Exception {
        tenant = new TenantFixture();
        tenant.inTransaction(em -> {
            UserGroup group = new UserGroup("Sales");
            em.persist(group);
            UserAccount b = UserAccount.administrator("boss", new EmailAddress("boss@example.org"), "x");
            UserAccount s = UserAccount.user("sam", new EmailAddress("sam@example.org"), "x");
            s.assignGroups(Set.of(group));
            em.persist(b);
            em.persist(s);
            em.flush();
            em.persist(new ModelAccess(RecordModel.SALES_ORDER, Optional.of(group), Set.of(Operation.values())));
            em.persist(new ModelAccess(RecordModel.CONTACT, Optional.of(group), Set.of(Operation.READ)));
            em.persist(new ModelAccess(RecordModel.PRODUCT, Optional.of(group), Set.of(Operation.READ)));
            boss = b.id();
            sam = s.id();
            sales = group.id();
            return null;
        });
        customer = tenant.as("boss", new ContactService()).create(ContactDetails.of("Customer", null, null, "Given Ltd",
                "Lyon")).value();
        product = tenant.as("boss", new ProductService()).create(new ProductDetails("Widget", "W-1",
                new BigDecimal("10.00"), new BigDecimal("20"), true));
    }

    @AfterAll
    static void close() throws Exception {
        tenant.close();
    }

    @BeforeEach
    void noDefaults() {
        tenant.inTransaction(em -> em.createNativeQuery("delete from field_default").executeUpdate());
    }

    @Test
    void theAdministratorSavesSeesAndClearsADefaultAndEachChangeIsAudited() {
        DefaultAdministration admin = tenant.as("boss", new DefaultAdministration());
        assertThat(save(admin, DefaultField.INVOICE_DUE_DATE, "today + 45")).isInstanceOf(DefaultChange.Saved.class);
        DefaultView due = view(admin, DefaultField.INVOICE_DUE_DATE);
        assertThat(due.expression()).isEqualTo("today + 45");
        assertThat(due.value()).contains(TODAY.plusDays(45).toString());
        assertThat(view(admin, DefaultField.ORDER_NOTE).expression()).isEmpty();

        assertThat(save(admin, DefaultField.INVOICE_DUE_DATE, "today + 60")).isInstanceOf(DefaultChange.Saved.class);
        assertThat(save(admin, DefaultField.INVOICE_DUE_DATE, "  ")).isInstanceOf(DefaultChange.Cleared.class);
        assertThat(view(admin, DefaultField.INVOICE_DUE_DATE).expression()).isEmpty();
        List<String> audited = tenant.inTransaction(em -> em.createNamedQuery(SecurityEvent.LATEST,
                SecurityEvent.class).setMaxResults(3).getResultStream().map(e -> e.kind() + " " + e.detail()).toList());
        assertThat(audited)
                .containsExactly("DEFAULT_CLEARED invoice.due_date: today + 60",
                        "DEFAULT_SAVED invoice.due_date: today + 60", "DEFAULT_SAVED invoice.due_date: today + 45");
    }

    @Test
    void anExpressionThatDoesNotCheckIsRefusedWithItsPositionAndNothingIsSaved() {
        DefaultAdministration admin = tenant.as("boss", new DefaultAdministration());
        save(admin, DefaultField.ORDER_NOTE, "'kept'");
        for (String wrong : List.of("if 3 in user.groups then 'a'", "salesperson = 1", "today", "'a' 'b'",
                "x".repeat(2001), "if user.id then 'a' else 'b'")) {
            DefaultChange change = save(admin, DefaultField.ORDER_NOTE, wrong);
            assertThat(change).as(wrong).isInstanceOfSatisfying(DefaultChange.Refused.class,
                    refused -> assertThat(refused.reason()).matches("line \\d+, column \\d+: .+"));
        }
        assertThat(view(admin, DefaultField.ORDER_NOTE).expression()).as("nothing saved").isEqualTo("'kept'");
        Object stored = tenant.inTransaction(em -> em.createNativeQuery("select count(*) from field_default")
                .getSingleResult());
        assertThat(stored).isEqualTo(1L);
    }

    @Test
    void aNewOrderFormGetsTheDefaultsComputedForItsUser() {
        DefaultAdministration admin = tenant.as("boss", new DefaultAdministration());
        save(admin, DefaultField.ORDER_TEAM, "if %d in user.groups then %d else %d".formatted(sales, sales, sales + 1));
        save(admin, DefaultField.ORDER_DATE, "today + 1");
        save(admin, DefaultField.ORDER_SALESPERSON, "user.id");

        Defaults forSam = tenant.as("sam", new NewRecordDefaults()).of(RecordModel.SALES_ORDER);
        assertThat(forSam.id(DefaultField.ORDER_TEAM)).contains(sales);
        assertThat(forSam.id(DefaultField.ORDER_SALESPERSON)).contains(sam);
        assertThat(forSam.date(DefaultField.ORDER_DATE)).contains(TODAY.plusDays(1));
        Defaults forBoss = tenant.as("boss", new NewRecordDefaults()).of(RecordModel.SALES_ORDER);
        assertThat(forBoss.id(DefaultField.ORDER_TEAM)).contains(sales + 1);
        assertThat(forBoss.id(DefaultField.ORDER_SALESPERSON)).contains(boss);
        assertThat(tenant.as("sam", new NewRecordDefaults()).of(RecordModel.PRODUCT).number(
                DefaultField.PRODUCT_UNIT_PRICE)).as("Sam may not make products").isEmpty();
    }

    @Test
    void aRecordMadeWithoutAFieldTakesItsDefaultAndOneMadeWithItKeepsIt() {
        DefaultAdministration admin = tenant.as("boss", new DefaultAdministration());
        save(admin, DefaultField.ORDER_DATE, "today - 2");
        save(admin, DefaultField.ORDER_NOTE, "if %d in user.groups then 'from sales' else 'from elsewhere'"
                .formatted(sales));
        save(admin, DefaultField.ORDER_TEAM, Long.toString(sales));
        save(admin, DefaultField.INVOICE_DUE_DATE, "today + 45");
        save(admin, DefaultField.CONTACT_CITY, "'Paris'");
        save(admin, DefaultField.PRODUCT_TAX_RATE, "5.5");

        SalesOrderService orders = tenant.as("sam", new SalesOrderService());
        OrderView bare = orders.find(orders.createWithDefaults(draft(null, null, null, null))).orElseThrow();
        assertThat(bare.orderDate()).isEqualTo(TODAY.minusDays(2));
        assertThat(bare.note()).isEqualTo("from sales");
        assertThat(bare.teamId()).isEqualTo(sales);
        assertThat(bare.salespersonId()).as("no default: the caller").isEqualTo(sam);

        OrderView given = orders.find(orders.createWithDefaults(draft(TODAY, "typed", boss, null))).orElseThrow();
        assertThat(given.orderDate()).isEqualTo(TODAY);
        assertThat(given.note()).isEqualTo("typed");
        assertThat(given.salespersonId()).isEqualTo(boss);

        SalesOrderService bosss = tenant.as("boss", new SalesOrderService());
        bosss.move(bare.id(), OrderMove.CONFIRM);
        long invoice = ((Change.Done) bosss.invoice(bare.id())).id();
        assertThat(tenant.as("boss", new InvoiceService()).find(invoice).orElseThrow().dueDate())
                .isEqualTo(TODAY.plusDays(45));

        ContactService contacts = tenant.as("boss", new ContactService());
        ContactView noCity = contacts.find(contacts.createWithDefaults(ContactDetails.of("No city", null, null, null,
                null))).orElseThrow();
        assertThat(noCity.city()).isEqualTo("Paris");
        assertThat(contacts.find(contacts.createWithDefaults(ContactDetails.of("Typed", null, null, null, "Oslo")))
                .orElseThrow().city()).isEqualTo("Oslo");
        ProductService products = tenant.as("boss", new ProductService());
        assertThat(products.find(products.createWithDefaults(new ProductDetails("Gadget", "G-1", BigDecimal.ONE, null,
                true))).orElseThrow().taxRate()).isEqualByComparingTo("5.5");

        OrderView asTyped = orders.find(orders.create(draft(null, null, null, null))).orElseThrow();
        assertThat(asTyped.note()).as("a form opened with the defaults: what its user emptied stays empty")
                .isNull();
        assertThat(asTyped.teamId()).isNull();
        assertThat(asTyped.orderDate()).isEqualTo(TODAY);
        assertThat(contacts.find(contacts.create(ContactDetails.of("Emptied", null, null, null, null))).orElseThrow()
                .city()).isNull();
    }

    @Test
    void anInvoiceMadeInARequestBegunBeforeMidnightIsOfThatDayAsItsDueDateDefault() {
        save(tenant.as("boss", new DefaultAdministration()), DefaultField.INVOICE_DUE_DATE, "today");
        LocalDate yesterday = TODAY.minusDays(1);
        SalesOrderService bosss = tenant.as("boss", new SalesOrderService(), yesterday);
        long order = bosss.createWithDefaults(draft(yesterday, null, null, null));
        bosss.move(order, OrderMove.CONFIRM);
        long invoice = ((Change.Done) bosss.invoice(order)).id();
        InvoiceView made = tenant.as("boss", new InvoiceService()).find(invoice).orElseThrow();
        assertThat(made.invoiceDate()).as("the request's day, not the clock's").isEqualTo(yesterday);
        assertThat(made.dueDate()).isEqualTo(yesterday);
    }

    @Test
    void aDefaultIsCheckedLikeATypedValueAndRefusedTheSameWay() {
        DefaultAdministration admin = tenant.as("boss", new DefaultAdministration());
        save(admin, DefaultField.ORDER_SALESPERSON, "424242");
        SalesOrderService orders = tenant.as("sam", new SalesOrderService());
        long before = orderCount();
        assertThatThrownBy(() -> orders.createWithDefaults(draft(null, null, null, null))).isInstanceOfSatisfying(
                InvalidValue.class, invalid -> assertThat(invalid.field()).isEqualTo("salesperson"));
        assertThat(orderCount()).as("nothing made").isEqualTo(before);

        save(admin, DefaultField.ORDER_SALESPERSON, "user.id");
        save(admin, DefaultField.INVOICE_DUE_DATE, "'2000-01-01'");
        SalesOrderService bosss = tenant.as("boss", new SalesOrderService());
        long order = bosss.createWithDefaults(draft(null, null, null, null));
        bosss.move(order, OrderMove.CONFIRM);
        assertThatThrownBy(() -> bosss.invoice(order)).isInstanceOfSatisfying(InvalidValue.class,
                invalid -> assertThat(invalid.field()).isEqualTo("due date"));
        assertThat(bosss.find(order).orElseThrow().state().name()).as("rolled back").isEqualTo("CONFIRMED");
    }

    @Test
    void aDefaultThatCouldOnlyFailWhenARecordIsMadeIsRefusedWhenWritten() {
        DefaultAdministration admin = tenant.as("boss", new DefaultAdministration());
        assertRefused(admin, DefaultField.CONTACT_CITY, "'" + "x".repeat(101) + "'", "line 1, column 1: city is");
        assertRefused(admin, DefaultField.PRODUCT_UNIT_PRICE, "if 3 in user.groups then 2 else -5",
                "line 1, column 33: unit price must be between 0");
        assertRefused(admin, DefaultField.PRODUCT_TAX_RATE, "12.345", "tax rate has more than 2 decimals");
        assertRefused(admin, DefaultField.INVOICE_DUE_DATE, "today - 1", "line 1, column 1: due date must not be");
        assertRefused(admin, DefaultField.ORDER_DATE, "'+999999999-12-31'", "type mismatch");
        assertRefused(admin, DefaultField.ORDER_NOTE, "'x\u202ey'", "line 1, column 3: a text holds no");
        assertThat(admin.defaults()).allMatch(v -> v.expression().isEmpty(), "nothing saved");
        assertThat(save(admin, DefaultField.INVOICE_DUE_DATE, "today")).isInstanceOf(DefaultChange.Saved.class);
    }

    @Test
    void aSaveFromAStaleReadingChangesNothing() {
        DefaultAdministration admin = tenant.as("boss", new DefaultAdministration());
        save(admin, DefaultField.ORDER_NOTE, "'first'");
        assertThat(admin.save(DefaultField.ORDER_NOTE, "", "'second'")).isInstanceOf(DefaultChange.Stale.class);
        assertThat(admin.save(DefaultField.ORDER_NOTE, "'older'", "")).isInstanceOf(DefaultChange.Stale.class);
        assertThat(view(admin, DefaultField.ORDER_NOTE).expression()).isEqualTo("'first'");
    }

    @Test
    void paddingCannotPushTheMeaningOutOfTheAuditTrail() {
        DefaultAdministration admin = tenant.as("boss", new DefaultAdministration());
        String padded = "if user.id = 1" + " ".repeat(1500) + "then 'a' else 'b'";
        save(admin, DefaultField.ORDER_NOTE, padded);
        List<String> audited = tenant.inTransaction(em -> em.createNamedQuery(SecurityEvent.LATEST,
                SecurityEvent.class).setMaxResults(1).getResultStream().map(SecurityEvent::detail).toList());
        assertThat(audited).containsExactly("sales_order.note: if user.id = 1 then 'a' else 'b'");
        String longOne = "if " + "user.id != 1 and ".repeat(30) + "user.id != 2 then 'a' else 'b'";
        save(admin, DefaultField.ORDER_NOTE, longOne);
        String detail = tenant.inTransaction(em -> em.createNamedQuery(SecurityEvent.LATEST, SecurityEvent.class)
                .setMaxResults(1).getSingleResult().detail());
        assertThat(detail).hasSizeLessThanOrEqualTo(500).matches("(?s).*… \\(sha-256 [0-9a-f]{64}\\)");
    }

    private static void assertRefused(DefaultAdministration admin, DefaultField field, String expression,
                                      String reason) {
        assertThat(save(admin, field, expression)).as(expression).isInstanceOfSatisfying(DefaultChange.Refused.class,
                refused -> assertThat(refused.reason()).contains(reason));
    }

    private static long orderCount() {
        return tenant.inTransaction(em -> (Long) em.createNativeQuery("select count(*) from sale_order")
                .getSingleResult());
    }

    private static OrderDraft draft(LocalDate date, String note, Long salesperson, Long team) {
        return new OrderDraft(customer, date, note, salesperson, team, List.of(new LineInput(product, BigDecimal.ONE,
                null, null)));
    }

    /** Saves as the page does: from what the administrator was shown. */
    private static DefaultChange save(DefaultAdministration admin, DefaultField field, String expression) {
        return admin.save(field, view(admin, field).expression(), expression);
    }

    private static DefaultView view(DefaultAdministration admin, DefaultField field) {
        return admin.defaults().stream().filter(v -> v.field() == field).findFirst().orElseThrow();
    }
}
