package app.strongroom.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.common.EmailAddress;
import app.strongroom.contacts.ContactService;
import app.strongroom.invoices.InvoiceMove;
import app.strongroom.invoices.InvoiceService;
import app.strongroom.sales.OrderChoices;
import app.strongroom.sales.OrderDraft;
import app.strongroom.sales.OrderField;
import app.strongroom.sales.OrderMove;
import app.strongroom.sales.OrderRow;
import app.strongroom.sales.OrderView;
import app.strongroom.sales.SalesOrderService;
import app.strongroom.tenant.access.AccessExplanation;
import app.strongroom.tenant.access.AccessPolicy;
import app.strongroom.tenant.access.ModelAccess;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.OutsideRules;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.access.RecordRule;
import app.strongroom.tenant.company.Company;
import app.strongroom.tenant.contact.ContactDetails;
import app.strongroom.tenant.sales.LineInput;
import app.strongroom.tenant.sales.OrderState;
import app.strongroom.tenant.invoice.Invoice;
import app.strongroom.tenant.sales.ProductDetails;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
import app.strongroom.products.ProductService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Record rules compiled into the queries of a real tenant database: each construct of the language selects exactly
 * the orders it says, global rules are AND-ed and group rules OR-ed, paging and counts count only what may be seen,
 * a write may not move a record out of reach, and "explain access" says why.
 */
class RecordRulesTest {
    private static final LocalDate TODAY = TenantFixture.TODAY;
    private static TenantFixture tenant;
    private static long sam;
    private static long boss;
    private static long kim;
    private static long salesTeam;
    private static final List<Facts> ORDERS = new ArrayList<>();

    /** What the test knows of each order it made, to say in Java which orders an expression means. */
    record Facts(long id, long salesperson, boolean salesTeam, OrderState state, String city, LocalDate date,
                 BigDecimal total, long company) {
    }

    @BeforeAll
    static void orders() throws Exception {
        tenant = new TenantFixture();
        tenant.inTransaction(em -> {
            UserGroup sales = new UserGroup("Sales");
            em.persist(sales);
            em.persist(new UserGroup("Support"));
            em.persist(new Company("Second Ltd", "USD"));
            UserAccount b = UserAccount.administrator("boss", new EmailAddress("boss@example.org"), "x");
            UserAccount s = UserAccount.user("sam", new EmailAddress("sam@example.org"), "x");
            UserAccount k = UserAccount.administrator("kim", new EmailAddress("kim@example.org"), "x");
            s.assignGroups(Set.of(sales));
            em.persist(b);
            em.persist(s);
            em.persist(k);
            em.flush();
            em.createNativeQuery("update user_account set company_id = 2 where login = 'kim'").executeUpdate();
            boss = b.id();
            sam = s.id();
            kim = k.id();
            salesTeam = sales.id();
            return null;
        });
        ContactService contacts = tenant.as("boss", new ContactService());
        long paris = contacts.create(ContactDetails.of("In Paris", null, null, null, "Paris")).value();
        long nowhere = contacts.create(ContactDetails.of("No city", null, null, null, null)).value();
        long product = tenant.as("boss", new ProductService()).create(new ProductDetails("Widget", "W-1",
                new BigDecimal("10.00"), new BigDecimal("20"), true));
        SalesOrderService asBoss = tenant.as("boss", new SalesOrderService());
        SalesOrderService asKim = tenant.as("kim", new SalesOrderService());
        int n = 0;
        for (long salesperson : new long[] {sam, boss}) {
            for (boolean team : new boolean[] {true, false}) {
                for (OrderState state : new OrderState[] {OrderState.QUOTATION, OrderState.SENT, OrderState.CONFIRMED,
                        OrderState.CANCELLED}) {
                    boolean inParis = n % 2 == 0;
                    LocalDate date = TODAY.plusDays(n % 3 - 1);
                    BigDecimal quantity = BigDecimal.valueOf(1 + n % 5);
                    long id = asBoss.create(new OrderDraft(inParis ? paris : nowhere, date, null, salesperson,
                            team ? salesTeam : null, List.of(new LineInput(product, quantity, null, null))));
                    moveTo(asBoss, id, state);
                    BigDecimal total = quantity.multiply(new BigDecimal("12.00")).setScale(2);
                    ORDERS.add(new Facts(id, salesperson, team, state, inParis ? "Paris" : null, date, total,
                            Company.MAIN));
                    n++;
                }
            }
        }
        long abroad = asKim.create(new OrderDraft(paris, TODAY, null, null, null,
                List.of(new LineInput(product, BigDecimal.ONE, null, null))));
        ORDERS.add(new Facts(abroad, kim, false, OrderState.QUOTATION, "Paris", TODAY, new BigDecimal("12.00"), 2));
    }

    private static void moveTo(SalesOrderService orders, long id, OrderState state) {
        switch (state) {
            case SENT -> orders.move(id, OrderMove.SEND);
            case CONFIRMED -> orders.move(id, OrderMove.CONFIRM);
            case CANCELLED -> orders.move(id, OrderMove.CANCEL);
            default -> {
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        tenant.close();
    }

    @AfterEach
    void noRules() {
        tenant.inTransaction(em -> em.createQuery("delete from RecordRule").executeUpdate());
    }

    static Stream<Arguments> expressions() {
        return Stream.of(
                rule("salesperson = user.id", f -> f.salesperson() == sam),
                rule("salesperson != user.id", f -> f.salesperson() != sam),
                rule("team in user.groups", Facts::salesTeam),
                rule("team not in user.groups", f -> false),
                rule("team = null", f -> !f.salesTeam()),
                rule("team != null or salesperson = user.id", f -> f.salesTeam() || f.salesperson() == sam),
                rule("state in ('sent', 'confirmed')", f -> f.state() == OrderState.SENT
                        || f.state() == OrderState.CONFIRMED),
                rule("not (state = 'cancelled') and salesperson = user.id",
                        f -> f.state() != OrderState.CANCELLED && f.salesperson() == sam),
                rule("customer.city = 'Paris'", f -> "Paris".equals(f.city())),
                rule("customer.city = null", f -> f.city() == null),
                rule("order_date <= today", f -> !f.date().isAfter(TODAY)),
                rule("order_date > '" + TODAY + "'", f -> f.date().isAfter(TODAY)),
                rule("amount_total >= 36", f -> f.total().compareTo(new BigDecimal("36")) >= 0),
                rule("company = user.company", f -> f.company() == Company.MAIN),
                rule("salesperson.company = user.company", f -> f.company() == Company.MAIN),
                rule("salesperson.login = 'boss' or (customer.city = 'Paris' and team.name = 'Sales')",
                        f -> f.salesperson() == boss || ("Paris".equals(f.city()) && f.salesTeam())),
                rule("company.currency = 'USD'", f -> f.company() == 2));
    }

    private static Arguments rule(String expression, Predicate<Facts> meant) {
        return Arguments.of(expression, meant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void eachExpressionSelectsExactlyTheOrdersItMeans(String expression, Predicate<Facts> meant) {
        addRule(expression, Optional.empty());
        assertThat(visibleToSam()).isEqualTo(ids(meant));
    }

    @Test
    void globalRulesAreAndedAndGroupRulesOredAmongTheUsersGroups() {
        addRule("company = user.company", Optional.empty());
        addRule("state != 'cancelled'", Optional.empty());
        addRule("salesperson = user.id", Optional.of("Sales"));
        addRule("team = null", Optional.of("Sales"));
        addRule("state = 'quotation'", Optional.of("Support"));
        assertThat(visibleToSam()).isEqualTo(ids(f -> f.company() == Company.MAIN
                && f.state() != OrderState.CANCELLED && (f.salesperson() == sam || !f.salesTeam())));
    }

    @Test
    void pagesAndCountsHoldOnlyWhatTheRulesLetThrough() {
        addRule("salesperson = user.id and state != 'cancelled'", Optional.empty());
        SalesOrderService orders = tenant.as("sam", new SalesOrderService());
        Set<Long> expected = ids(f -> f.salesperson() == sam && f.state() != OrderState.CANCELLED);
        assertThat(orders.count(Map.of())).isEqualTo(expected.size());
        List<Long> paged = new ArrayList<>();
        for (int first = 0; first < expected.size() + 3; first += 4) {
            List<OrderRow> page = orders.list(new ListRequest<>(Map.of(), Optional.of(OrderField.NUMBER), true,
                    first, 4));
            assertThat(page.size()).isEqualTo(Math.max(0, Math.min(4, expected.size() - first)));
            page.forEach(o -> paged.add(o.id()));
        }
        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(orders.count(Map.of(OrderField.STATE, "sent"))).isEqualTo(expected.stream()
                .filter(id -> facts(id).state() == OrderState.SENT).count());
    }

    @Test
    void aWriteThatWouldMoveAnOrderOutOfReachIsRefusedAndChangesNothing() {
        addRule("salesperson = user.id", Optional.empty());
        Facts mine = ORDERS.stream().filter(f -> f.salesperson() == sam && f.state() == OrderState.QUOTATION)
                .findFirst().orElseThrow();
        SalesOrderService orders = tenant.as("sam", new SalesOrderService());
        OrderView before = orders.find(mine.id()).orElseThrow();
        OrderDraft toBoss = new OrderDraft(before.customerId(), before.orderDate(), "handing over", boss, null,
                before.lines().stream().map(l -> new LineInput(l.productId(), l.quantity(), l.unitPrice(),
                        l.discount())).toList());
        assertThatThrownBy(() -> orders.update(mine.id(), before.version(), toBoss)).isInstanceOf(OutsideRules.class);
        OrderView after = orders.find(mine.id()).orElseThrow();
        assertThat(after.salespersonId()).isEqualTo(sam);
        assertThat(after.note()).isNull();
        assertThat(after.version()).isEqualTo(before.version());
    }

    @Test
    void cancellingAnInvoiceCannotReopenAnOrderOutsideTheUsersRules() {
        Facts bosss = ORDERS.stream().filter(f -> f.salesperson() == boss && f.state() == OrderState.CONFIRMED)
                .findFirst().orElseThrow();
        long invoice = ((Change.Done) tenant.as("boss", new SalesOrderService()).invoice(bosss.id())).id();
        try {
            tenant.inTransaction(em -> {
                em.persist(new ModelAccess(RecordModel.INVOICE, Optional.of(group(em, "Sales")),
                        EnumSet.allOf(Operation.class)));
                return null;
            });
            addRule("salesperson = user.id", Optional.empty());
            InvoiceService sams = tenant.as("sam", new InvoiceService());
            assertThatThrownBy(() -> sams.move(invoice, InvoiceMove.CANCEL)).isInstanceOf(OutsideRules.class);
            assertThatThrownBy(() -> sams.delete(invoice)).isInstanceOf(OutsideRules.class);
            String orderState = tenant.inTransaction(em -> em.find(SalesOrder.class, bosss.id()).state().name());
            String invoiceState = tenant.inTransaction(em -> em.find(Invoice.class, invoice).state().name());
            assertThat(orderState).isEqualTo("INVOICED");
            assertThat(invoiceState).isEqualTo("DRAFT");
        } finally {
            noRules();
            tenant.as("boss", new InvoiceService()).delete(invoice);
        }
    }

    @Test
    void aRuleTickedForReadingOnlyHidesTheOrderFromEveryOtherOperationToo() {
        tenant.inTransaction(em -> {
            em.persist(new RecordRule("read only", RecordModel.SALES_ORDER, Optional.empty(), "salesperson = user.id",
                    EnumSet.of(Operation.READ)));
            return null;
        });
        Facts bosss = ORDERS.stream().filter(f -> f.salesperson() == boss && f.state() == OrderState.QUOTATION)
                .findFirst().orElseThrow();
        SalesOrderService sams = tenant.as("sam", new SalesOrderService());
        assertThat(sams.move(bosss.id(), OrderMove.SEND)).isInstanceOf(Change.NotFound.class);
        assertThat(sams.delete(bosss.id())).isInstanceOf(Change.NotFound.class);
        OrderState state = tenant.inTransaction(em -> em.find(SalesOrder.class, bosss.id()).state());
        assertThat(state).isEqualTo(OrderState.QUOTATION);
    }

    @Test
    void aUserWhoMayNeitherCreateNorChangeOrdersIsOfferedNoChoices() {
        tenant.inTransaction(em -> em.createQuery("delete from ModelAccess where model = 'sales_order'")
                .executeUpdate());
        OrderChoices choices = tenant.as("sam", new SalesOrderService()).choices();
        assertThat(choices.salespeople()).isEmpty();
        assertThat(choices.teams()).isEmpty();
        assertThat(tenant.as("boss", new SalesOrderService()).choices().salespeople()).isNotEmpty();
    }

    @Test
    void todayComparedWithADateTextIsADateComparison() {
        addRule("today >= '2000-01-01' and salesperson = user.id", Optional.empty());
        assertThat(visibleToSam()).isEqualTo(ids(f -> f.salesperson() == sam));
    }

    @Test
    void aStoredRuleThatNoLongerChecksLetsNothingThroughAndExplainSaysWhy() {
        addRule("salesperson = user.id", Optional.of("Sales"));
        tenant.inTransaction(em -> em.createNativeQuery("insert into record_rule (name, model, expression, on_read, "
                + "on_write, on_create, on_delete, created_at) values ('renamed field', 'sales_order', "
                + "'sales_rep = user.id', true, true, true, true, now())").executeUpdate());
        assertThat(visibleToSam()).isEmpty();
        Facts mine = ORDERS.stream().filter(f -> f.salesperson() == sam).findFirst().orElseThrow();
        AccessExplanation why = explain("sam", mine.id(), Operation.READ);
        assertThat(why.allowed()).isFalse();
        assertThat(why.grantedBy()).containsExactly("Sales");
        assertThat(why.globalRules()).singleElement().satisfies(v -> {
            assertThat(v.inside()).isFalse();
            assertThat(v.error()).hasValueSatisfying(e -> assertThat(e).contains("line 1, column 1")
                    .contains("unknown field sales_rep"));
        });
        assertThat(why.groupRules()).singleElement().satisfies(v -> assertThat(v.inside()).isTrue());
    }

    @Test
    void explainAccessNamesTheRightsAndEachRulesVerdict() {
        addRule("company = user.company", Optional.empty());
        addRule("salesperson = user.id", Optional.of("Sales"));
        Facts bosss = ORDERS.stream().filter(f -> f.salesperson() == boss).findFirst().orElseThrow();
        AccessExplanation denied = explain("sam", bosss.id(), Operation.WRITE);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.hasRight()).isTrue();
        assertThat(denied.globalRules()).singleElement().satisfies(v -> assertThat(v.inside()).isTrue());
        assertThat(denied.groupRules()).singleElement().satisfies(v -> {
            assertThat(v.inside()).isFalse();
            assertThat(v.group()).contains("Sales");
        });
        Facts mine = ORDERS.stream().filter(f -> f.salesperson() == sam).findFirst().orElseThrow();
        assertThat(explain("sam", mine.id(), Operation.WRITE).allowed()).isTrue();

        tenant.inTransaction(em -> em.createQuery("delete from ModelAccess").executeUpdate());
        AccessExplanation noRight = explain("sam", mine.id(), Operation.WRITE);
        assertThat(noRight.hasRight()).isFalse();
        assertThat(noRight.allowed()).isFalse();
        AccessExplanation missing = explain("sam", 999_999, Operation.READ);
        assertThat(missing.recordExists()).isFalse();
    }

    private static AccessExplanation explain(String login, long id, Operation operation) {
        return tenant.inTransaction(em -> AccessPolicy.of(em, login, TODAY).explain(em, RecordModel.SALES_ORDER,
                operation, id));
    }

    /** Everyone works on contacts and reads products; Sales works on orders. */
    @BeforeEach
    void rights() {
        tenant.inTransaction(em -> {
            em.createQuery("delete from ModelAccess").executeUpdate();
            em.persist(new ModelAccess(RecordModel.CONTACT, Optional.empty(), EnumSet.allOf(Operation.class)));
            em.persist(new ModelAccess(RecordModel.PRODUCT, Optional.empty(), EnumSet.of(Operation.READ)));
            em.persist(new ModelAccess(RecordModel.SALES_ORDER, Optional.of(group(em, "Sales")),
                    EnumSet.allOf(Operation.class)));
            return null;
        });
    }

    private static void addRule(String expression, Optional<String> group) {
        tenant.inTransaction(em -> {
            em.persist(new RecordRule(expression, RecordModel.SALES_ORDER, group.map(g -> group(em, g)), expression,
                    EnumSet.allOf(Operation.class)));
            return null;
        });
    }

    private static UserGroup group(jakarta.persistence.EntityManager em, String name) {
        return em.createNamedQuery(UserGroup.BY_NAMES, UserGroup.class).setParameter("names", List.of(name))
                .getSingleResult();
    }

    private static Set<Long> visibleToSam() {
        return tenant.as("sam", new SalesOrderService()).list(new ListRequest<>(Map.of(), Optional.empty(), true, 0,
                100)).stream().map(OrderRow::id).collect(Collectors.toSet());
    }

    private static Set<Long> ids(Predicate<Facts> meant) {
        return ORDERS.stream().filter(meant).map(Facts::id).collect(Collectors.toSet());
    }

    private static Facts facts(long id) {
        return ORDERS.stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }
}
