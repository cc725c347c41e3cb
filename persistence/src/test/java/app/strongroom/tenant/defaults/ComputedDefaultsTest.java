package app.strongroom.tenant.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.access.UserContext;
import app.strongroom.tenant.rules.expression.Computed;
import app.strongroom.tenant.rules.expression.Expression;
import app.strongroom.tenant.rules.expression.ExpressionChecker;
import app.strongroom.tenant.rules.expression.ExpressionError;
import app.strongroom.tenant.rules.expression.ExpressionParser;
import app.strongroom.tenant.rules.expression.Position;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Computed defaults as the administrator writes them: parsed, checked against the field they are for, and computed for
 * a user; every mistake an error at its line and column, nothing computed from the record (it does not exist yet).
 */
class ComputedDefaultsTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-05");
    /** User 7 of company 1, in groups 3 and 4. */
    private static final UserContext SALES = new UserContext(7, 1, Set.of(3L, 4L), false, TODAY);
    /** User 9 of company 2, in no group. */
    private static final UserContext OTHER = new UserContext(9, 2, Set.of(), false, TODAY);
    private static final ExpressionChecker CHECKER = new ExpressionChecker(RecordModel.SCHEMA);

    @Test
    void eachKindOfValueIsComputedForTheUser() {
        assertThat(value(DefaultField.ORDER_DATE, "today", SALES)).isEqualTo(TODAY);
        assertThat(value(DefaultField.INVOICE_DUE_DATE, "today + 45", SALES)).isEqualTo(TODAY.plusDays(45));
        assertThat(value(DefaultField.INVOICE_DUE_DATE, "today - 3", SALES)).isEqualTo(TODAY.minusDays(3));
        assertThat(value(DefaultField.INVOICE_DUE_DATE, "today-3", SALES)).isEqualTo(TODAY.minusDays(3));
        assertThat(value(DefaultField.INVOICE_DUE_DATE, "'2027-01-31'", SALES)).isEqualTo(LocalDate.parse("2027-01-31"));
        assertThat(value(DefaultField.ORDER_SALESPERSON, "user.id", OTHER)).isEqualTo(9L);
        assertThat(value(DefaultField.ORDER_TEAM, "3", SALES)).isEqualTo(3L);
        assertThat(value(DefaultField.PRODUCT_TAX_RATE, "19.6", SALES)).isEqualTo(new BigDecimal("19.6"));
        assertThat(value(DefaultField.PRODUCT_ACTIVE, "false", SALES)).isEqualTo(false);
        assertThat(value(DefaultField.CONTACT_CITY, "'Saint-Étienne'", SALES)).isEqualTo("Saint-Étienne");
    }

    @Test
    void conditionsChooseByTheUsersGroupsCompanyAndTheDate() {
        String team = "if 3 in user.groups then 3 else if user.company = 2 then 5 else 6";
        assertThat(value(DefaultField.ORDER_TEAM, team, SALES)).isEqualTo(3L);
        assertThat(value(DefaultField.ORDER_TEAM, team, OTHER)).isEqualTo(5L);
        assertThat(value(DefaultField.ORDER_TEAM, team, new UserContext(1, 1, Set.of(4L), true, TODAY))).isEqualTo(6L);

        String rate = "if today >= '2027-01-01' and not (user.id in (9, 10)) then 21 else 20";
        assertThat(value(DefaultField.PRODUCT_TAX_RATE, rate, SALES)).isEqualTo(new BigDecimal("20"));
        UserContext nextYear = new UserContext(7, 1, Set.of(), false, LocalDate.parse("2027-01-01"));
        assertThat(value(DefaultField.PRODUCT_TAX_RATE, rate, nextYear)).isEqualTo(new BigDecimal("21"));
        assertThat(value(DefaultField.PRODUCT_TAX_RATE, rate, new UserContext(9, 1, Set.of(), false,
                LocalDate.parse("2027-06-01")))).isEqualTo(new BigDecimal("20"));

        assertThat(value(DefaultField.ORDER_NOTE, "if 4 not in user.groups or user.id != 7 then 'a' else 'b'",
                SALES)).isEqualTo("b");
        assertThat(value(DefaultField.ORDER_NOTE, "if user.id = 7.0 and today < today + 1 then 'a' else 'b'",
                SALES)).isEqualTo("a");
        assertThat(value(DefaultField.ORDER_NOTE, "if user.company = null then 'a' else 'b'", SALES)).isEqualTo("b");
        assertThat(value(DefaultField.ORDER_NOTE, "if user.company != null then 'a' else 'b'", SALES)).isEqualTo("a");
    }

    @Test
    void mistakesAreNamedAtTheirPlace() {
        assertError(DefaultField.ORDER_DATE, "", 1, 1, "the default is empty");
        assertError(DefaultField.ORDER_DATE, "x".repeat(2001), 1, 1, "longer than 2000");
        assertError(DefaultField.ORDER_DATE, "order_date", 1, 1, "computed before the record exists");
        assertError(DefaultField.ORDER_TEAM, "if salesperson.company = 1 then 3 else 4", 1, 4,
                "cannot read salesperson.company");
        assertError(DefaultField.ORDER_DATE, "today + 1.5", 1, 9, "a whole number");
        assertError(DefaultField.ORDER_DATE, "today + 36501", 1, 9, "at most 36500");
        assertError(DefaultField.ORDER_DATE, "today +", 1, 8, "expected a number of days after '+'");
        assertError(DefaultField.ORDER_DATE, "today - -3", 1, 9, "expected a number of days");
        assertError(DefaultField.ORDER_DATE, "'tomorrow'", 1, 1, "type mismatch: the field is a date, 'tomorrow'");
        assertError(DefaultField.ORDER_SALESPERSON, "user.company", 1, 1, "the field is a user record");
        assertError(DefaultField.ORDER_SALESPERSON, "-4", 1, 1, "type mismatch");
        assertError(DefaultField.ORDER_TEAM, "user.groups", 1, 1, "a default is one value");
        assertError(DefaultField.ORDER_NOTE, "null", 1, 1, "null is no default");
        assertError(DefaultField.ORDER_DATE, "'+999999999-12-31'", 1, 1, "type mismatch");
        assertError(DefaultField.ORDER_DATE, "'0000-01-01'", 1, 1, "type mismatch");
        assertError(DefaultField.CONTACT_CITY, "'Par\u200bis'", 1, 5, "invisible formatting characters");

        assertError(DefaultField.ORDER_NOTE, "if 3 in user.groups then 'a'", 1, 29, "every if has an else");
        assertError(DefaultField.ORDER_NOTE, "if 3 in user.groups 'a' else 'b'", 1, 21, "expected then");
        assertError(DefaultField.ORDER_NOTE, "else 'b'", 1, 1, "without its if");
        assertError(DefaultField.ORDER_NOTE, "if user.id then 'a' else 'b'", 1, 12, "expected a comparison");
        assertError(DefaultField.ORDER_NOTE, "if 1.5 in user.groups then 'a' else 'b'", 1, 4, "not a group");
        assertError(DefaultField.ORDER_NOTE, "'a' 'b'", 1, 5, "after a complete expression");
        assertError(DefaultField.ORDER_NOTE, "if 3 in user.groups then 3 else 'b'", 1, 26, "the field is text, 3 is a number");
        assertError(DefaultField.ORDER_NOTE, "if 1 = 1 then 'a' else 'b'".replace("1 = 1", "1 = 1 and ".repeat(70) + "1 = 1"),
                1, 670, "more than 200 parts");
        assertError(DefaultField.ORDER_NOTE, "if 1 = 1 then ".repeat(21) + "'a'" + " else 'b'".repeat(21), 1, 270,
                "deeper than 20");
    }

    @Test
    void aStoredDefaultKnowsItsFieldAndIsCheckedWhenSet() {
        FieldDefault stored = new FieldDefault(DefaultField.INVOICE_DUE_DATE, "today + 30");
        assertThat(stored.field()).contains(DefaultField.INVOICE_DUE_DATE);
        assertThat(new DefaultEvaluator(SALES).value(stored.parsed(), DefaultField.INVOICE_DUE_DATE.type()))
                .isEqualTo(TODAY.plusDays(30));
        assertThatThrownBy(() -> stored.change("today + "))
                .isInstanceOf(ExpressionError.class);
        assertThat(stored.expression()).as("nothing changed").isEqualTo("today + 30");
        assertThatThrownBy(() -> new FieldDefault(DefaultField.CONTACT_CITY, "3")).isInstanceOf(ExpressionError.class);
        assertThatThrownBy(() -> new FieldDefault(DefaultField.CONTACT_CITY, "'" + "x".repeat(101) + "'"))
                .isInstanceOfSatisfying(ExpressionError.class, e -> assertThat(e.getMessage())
                        .startsWith("line 1, column 1: city "));
        assertThatThrownBy(() -> new FieldDefault(DefaultField.PRODUCT_UNIT_PRICE,
                "if today > '2026-01-01' then 1.5 else -1")).isInstanceOfSatisfying(ExpressionError.class,
                        e -> assertThat(e.getMessage()).startsWith("line 1, column 39: unit price must be between 0"));
        assertThatThrownBy(() -> new FieldDefault(DefaultField.INVOICE_DUE_DATE, "if 3 in user.groups then today "
                + "else today - 2")).isInstanceOfSatisfying(ExpressionError.class, e -> assertThat(e.position())
                        .isEqualTo(new Position(1, 37)));
    }

    @Test
    void theFieldsThatRulesKnowHaveTheTypeTheirDefaultsHave() {
        for (DefaultField field : DefaultField.values()) {
            field.model().model().field(field.field()).ifPresent(type ->
                    assertThat(type).as(field.name()).isEqualTo(field.type()));
            assertThat(DefaultField.of(field.model().modelName(), field.field())).contains(field);
        }
        assertThat(DefaultField.of("sales_order", "state")).as("a state moves, it is not set").isEmpty();
    }

    @Test
    void rulesMayUseDatesFromTodayAndAskForAGroupById() {
        Expression rule = CHECKER.parseFor("invoice", "due_date < today - 30 and 3 in user.groups");
        assertThat(rule).isInstanceOf(Expression.And.class);
        assertThat(((Expression.And) rule).operands().get(0)).isInstanceOfSatisfying(Expression.Comparison.class,
                c -> assertThat(c.right()).isEqualTo(new Expression.DaysFromToday(-30, new Position(1, 12))));
        assertThatThrownBy(() -> ExpressionParser.parse("due_date < today * 2")).isInstanceOf(ExpressionError.class);
        assertThatThrownBy(() -> CHECKER.parseFor("sales_order", "5 < salesperson")).isInstanceOfSatisfying(
                ExpressionError.class, e -> assertThat(e.reason()).contains("salesperson is a user record, which has "
                        + "no order"));
        assertThatThrownBy(() -> CHECKER.parseFor("invoice", "due_date > '+100000-01-01'"))
                .isInstanceOf(ExpressionError.class);
    }

    private static Object value(DefaultField field, String text, UserContext user) {
        Computed computed = CHECKER.parseDefaultFor(field.model().modelName(), field.type(), text);
        return new DefaultEvaluator(user).value(computed, field.type());
    }

    private static void assertError(DefaultField field, String text, int line, int column, String reason) {
        assertThatThrownBy(() -> CHECKER.parseDefaultFor(field.model().modelName(), field.type(), text)).as(text)
                .isInstanceOfSatisfying(ExpressionError.class, e -> {
                    assertThat(e.reason()).as(text).contains(reason);
                    assertThat(e.position()).as(text + ": " + e.getMessage()).isEqualTo(new Position(line, column));
                });
    }
}
