package app.strongroom.records;

import app.strongroom.common.EmailAddress;
import app.strongroom.sales.OrderField;
import app.strongroom.sales.SalesOrderService;
import app.strongroom.tenant.access.AccessPolicy;
import app.strongroom.tenant.access.ModelAccess;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.QueryParameters;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.access.RecordRule;
import app.strongroom.tenant.access.RuleCompiler;
import app.strongroom.tenant.access.UserContext;
import app.strongroom.tenant.rules.expression.ExpressionChecker;
import app.strongroom.tenant.rules.expression.ExpressionError;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The list page's query under three record rules on 100,000 sales orders, against hand-written SQL with the same
 * filter, in the same run on the same database; and compiling the longest expression the bounds allow. Run on
 * request: {@code ./mvnw -pl ejb -am test -Dtest=RecordListBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints lines starting BENCHMARK.
 */
class RecordListBenchmark {
    private static final int ORDERS = Integer.getInteger("bench.orders", 100_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 200);
    private static final String HAND_PAGE = "select o.id, o.state, o.order_date, o.amount_total from sale_order o"
            + " where o.company_id = ?1 and (o.salesperson_id = ?2 or o.team_id in (?3)) and o.state <> 'CANCELLED'"
            + " order by o.order_date desc, o.id desc limit 25 offset 50";
    private static final String HAND_COUNT = "select count(*) from sale_order o"
            + " where o.company_id = ?1 and (o.salesperson_id = ?2 or o.team_id in (?3)) and o.state <> 'CANCELLED'";

    @Test
    void listUnderThreeRulesAgainstHandWrittenSql() throws Exception {
        try (TenantFixture tenant = new TenantFixture()) {
            long[] ids = tenant.inTransaction(em -> {
                UserGroup sales = new UserGroup("Sales");
                em.persist(sales);
                UserAccount sam = UserAccount.user("sam", new EmailAddress("sam@example.org"), "x");
                sam.assignGroups(Set.of(sales));
                UserAccount boss = UserAccount.administrator("boss", new EmailAddress("boss@example.org"), "x");
                em.persist(boss);
                em.persist(sam);
                em.persist(new ModelAccess(RecordModel.SALES_ORDER, Optional.of(sales), EnumSet.allOf(Operation.class)));
                em.persist(new RecordRule("company", RecordModel.SALES_ORDER, Optional.empty(),
                        "company = user.company and state != 'cancelled'", EnumSet.allOf(Operation.class)));
                em.persist(new RecordRule("own", RecordModel.SALES_ORDER, Optional.of(sales), "salesperson = user.id",
                        EnumSet.allOf(Operation.class)));
                em.persist(new RecordRule("team", RecordModel.SALES_ORDER, Optional.of(sales), "team in user.groups",
                        EnumSet.allOf(Operation.class)));
                em.flush();
                em.createNativeQuery("insert into contact (name, created_at, updated_at) "
                        + "select 'Customer ' || g, now(), now() from generate_series(1, 1000) g").executeUpdate();
                // Orders spread over two salespeople, a team or none, five states and a year of dates.
                em.createNativeQuery("insert into sale_order (customer_id, salesperson_id, team_id, company_id, state, "
                        + "order_date, currency, amount_untaxed, amount_tax, amount_total, created_at, updated_at) "
                        + "select 1 + g % 1000, case when g % 3 = 0 then ?1 else ?2 end, "
                        + "case when g % 7 = 0 then ?3 end, 1, "
                        + "(array['QUOTATION','SENT','CONFIRMED','INVOICED','CANCELLED'])[1 + g % 5], "
                        + "current_date - (g % 365), 'EUR', g % 1000, 0, g % 1000, now(), now() "
                        + "from generate_series(1, ?4) g")
                        .setParameter(1, sam.id()).setParameter(2, boss.id()).setParameter(3, sales.id())
                        .setParameter(4, ORDERS).executeUpdate();
                em.createNativeQuery("analyze sale_order").executeUpdate();
                return new long[] {sam.id(), sales.id()};
            });
            long sam = ids[0];
            long team = ids[1];

            ListRequest<OrderField> page = new ListRequest<>(Map.of(), Optional.of(OrderField.ORDER_DATE), false, 50, 25);
            Supplier<Long> rules = () -> tenant.inTransaction(em -> {
                AccessPolicy policy = AccessPolicy.of(em, "sam", LocalDate.now(ZoneOffset.UTC));
                return (long) criteriaPage(em, policy, page).size() + RecordLists.count(em, policy,
                        RecordModel.SALES_ORDER, Map.<OrderField, String>of());
            });
            Supplier<Long> hand = () -> tenant.inTransaction(em -> (long) em.createNativeQuery(HAND_PAGE)
                    .setParameter(1, 1L).setParameter(2, sam).setParameter(3, team).getResultList().size()
                    + ((Number) em.createNativeQuery(HAND_COUNT).setParameter(1, 1L).setParameter(2, sam)
                    .setParameter(3, team).getSingleResult()).longValue());
            if (!rules.get().equals(hand.get())) {
                throw new AssertionError("the rules and the hand-written SQL select different orders: "
                        + rules.get() + " against " + hand.get());
            }
            SalesOrderService service = tenant.as("sam", new SalesOrderService());
            Supplier<Long> wholePage = () -> (long) service.list(page).size() + service.count(Map.of());

            double handMs = median(hand);
            double rulesMs = median(rules);
            double serviceMs = median(wholePage);
            System.out.printf("BENCHMARK record rules: %d orders, 3 rules, page of 25 + count: hand SQL %.2f ms, "
                    + "rules compiled into Criteria %.2f ms (%.2fx), the service as the list page calls it %.2f ms "
                    + "(%.2fx)%n", ORDERS, handMs, rulesMs, rulesMs / handMs, serviceMs, serviceMs / handMs);
        }
    }

    @Test
    void compilingTheLongestExpressionTheBoundsAllow() throws Exception {
        ExpressionChecker checker = new ExpressionChecker(RecordModel.SCHEMA);
        String longest = "amount_total > 0";
        while (true) {
            String longer = longest + " or salesperson.company.name = 'Paris'";
            try {
                checker.parseFor("sales_order", longer);
            } catch (ExpressionError beyondTheBounds) {
                break;
            }
            longest = longer;
        }
        String text = longest;
        int comparisons = count(text);
        try (TenantFixture tenant = new TenantFixture()) {
            tenant.inTransaction(em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                Supplier<Long> compile = () -> {
                    CriteriaQuery<Tuple> query = cb.createTupleQuery();
                    Root<SalesOrder> root = query.from(SalesOrder.class);
                    new RuleCompiler(cb, root, RecordModel.SALES_ORDER,
                            new UserContext(1, 1, Set.of(1L), false, LocalDate.now()),
                            new QueryParameters()).compile(checker.parseFor("sales_order", text));
                    return 1L;
                };
                double ms = median(compile);
                System.out.printf("BENCHMARK expressions: the longest allowed (%d characters, %d comparisons) parsed, "
                        + "checked and compiled to Criteria in %.3f ms (median of %d)%n", text.length(),
                        comparisons, ms, ROUNDS);
                return null;
            });
        }
    }

    private static int count(CharSequence text) {
        return text.toString().split(" or ").length;
    }

    private static List<?> criteriaPage(EntityManager em, AccessPolicy policy, ListRequest<OrderField> page) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<SalesOrder> root = query.from(SalesOrder.class);
        QueryParameters parameters = new QueryParameters();
        query.multiselect(root.get("id"), root.get("state"), root.get("orderDate"), root.get("amountTotal"))
                .where(policy.restriction(RecordModel.SALES_ORDER, Operation.READ, cb, root, parameters))
                .orderBy(cb.desc(root.get("orderDate")), cb.desc(root.get("id")));
        return parameters.applyTo(em.createQuery(query)).setFirstResult(page.first())
                .setMaxResults(page.pageSize()).getResultList();
    }

    /** Milliseconds, the median of {@link #ROUNDS} runs after as many to warm up. */
    private static double median(Supplier<Long> work) {
        for (int i = 0; i < ROUNDS; i++) {
            work.get();
        }
        long[] nanos = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[ROUNDS / 2] / 1e6;
    }
}
