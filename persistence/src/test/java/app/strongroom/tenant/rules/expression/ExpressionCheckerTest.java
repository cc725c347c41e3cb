package app.strongroom.tenant.rules.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.tenant.rules.expression.FieldType.Reference;
import app.strongroom.tenant.rules.expression.FieldType.Scalar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionCheckerTest {
    private static final Schema SCHEMA = new Schema(List.of(
            new Model("user", Map.of("login", Scalar.TEXT, "company", new Reference("company"))),
            new Model("company", Map.of("name", Scalar.TEXT)),
            new Model("group", Map.of("name", Scalar.TEXT)),
            new Model("sale_order", Map.of("state", Scalar.TEXT, "amount_total", Scalar.NUMBER, "due_date", Scalar.DATE,
                    "paid", Scalar.BOOLEAN, "salesperson", new Reference("user"), "company", new Reference("company"),
                    "team", new Reference("group")))));
    private static final ExpressionChecker CHECKER = new ExpressionChecker(SCHEMA);

    @Test
    void wellTypedRulesPass() {
        for (String rule : List.of(
                "salesperson = user.id",
                "salesperson.id = user.id or salesperson = null",
                "salesperson.company = user.company and company.name != 'Acme'",
                "team in user.groups or team.id not in (3, 4)",
                "state in ('sent', 'confirmed') and amount_total >= 100.5",
                "due_date <= today and due_date > '2026-01-31' and paid = false",
                "not (salesperson.login < 'm')")) {
            assertThat(CHECKER.parseFor("sale_order", rule)).as(rule).isNotNull();
        }
    }

    @Test
    void unknownFieldsAndMismatchesAreNamedAtTheirPlace() {
        assertError("colour = 'red'", 1, 1, "unknown field colour of sale_order; it has id, amount_total, company,");
        assertError("state = 'x' and salesperson.email = 'a'", 1, 17, "unknown field email of user");
        assertError("state.name = 'x'", 1, 1, "state is text, which has no fields");
        assertError("state = 1", 1, 1, "type mismatch: state is text, 1 is a number");
        assertError("salesperson = user.company", 1, 1, "a user record, user.company is a company record");
        assertError("salesperson = 1.5", 1, 1, "type mismatch");
        assertError("salesperson = -1", 1, 1, "type mismatch");
        assertError("due_date < 'yesterday'", 1, 1, "type mismatch: due_date is a date, 'yesterday' is text");
        assertError("paid < true", 1, 1, "paid is true or false, which has no order");
        assertError("salesperson > 3", 1, 1, "which has no order");
        assertError("amount_total > null", 1, 1, "null is compared with = or != only");
        assertError("null = null", 1, 1, "says nothing");
        assertError("team = user.groups", 1, 1, "use in");
        assertError("salesperson in user.groups", 1, 1, "a user record, not a group");
        assertError("state in ('a', 2)", 1, 16, "type mismatch: state is text, 2 is a number");
        assertError("state in ('a', null)", 1, 16, "a list holds no null");
        assertError("state in user.id", 1, 10, "after in comes a list in parentheses or user.groups");
        assertError("user.groups in (1)", 1, 1, "the left of in is a field or a single value");
    }

    @Test
    void aSchemaRefusesReferencesToModelsItLacksAndNamesVariablesReserve() {
        assertThatThrownBy(() -> new Schema(List.of(new Model("user", Map.of()), new Model("company", Map.of()),
                new Model("group", Map.of()), new Model("order", Map.of("product", new Reference("product"))))))
                .hasMessageContaining("order.product refers to no model");
        assertThatThrownBy(() -> new Schema(List.of(new Model("user", Map.of()))))
                .hasMessageContaining("the company model");
        assertThatThrownBy(() -> new Model("order", Map.of("today", Scalar.DATE))).hasMessageContaining("today");
        assertThatThrownBy(() -> new Model("Order; drop", Map.of())).hasMessageContaining("not a model name");
    }

    private static void assertError(String text, int line, int column, String reason) {
        assertThatThrownBy(() -> CHECKER.parseFor("sale_order", text)).as(text)
                .isInstanceOfSatisfying(ExpressionError.class, e -> {
                    assertThat(e.reason()).as(text).contains(reason);
                    assertThat(e.position()).as(text + ": " + e.getMessage()).isEqualTo(new Position(line, column));
                });
    }

    @Test
    void anIdMustBeOneAReferenceCanHoldAndAStateOneOfItsValues() {
        assertThatThrownBy(() -> CHECKER.parseFor("sale_order", "salesperson = 99999999999999999999"))
                .isInstanceOf(ExpressionError.class).hasMessageContaining("type mismatch");
        assertThat(CHECKER.parseFor("sale_order", "salesperson = 9223372036854775807")).isNotNull();
        ExpressionChecker withStates = new ExpressionChecker(new Schema(List.of(
                new Model("user", Map.of()), new Model("company", Map.of()), new Model("group", Map.of()),
                new Model("sale_order", Map.of("state", new FieldType.Choice(List.of("sent", "confirmed")))))));
        assertThat(withStates.parseFor("sale_order", "state in ('sent', 'confirmed')")).isNotNull();
        assertThatThrownBy(() -> withStates.parseFor("sale_order", "state = 'confrmed'"))
                .isInstanceOf(ExpressionError.class).hasMessageContaining("line 1, column 1")
                .hasMessageContaining("one of sent, confirmed");
        assertThatThrownBy(() -> withStates.parseFor("sale_order", "state < 'sent'"))
                .isInstanceOf(ExpressionError.class).hasMessageContaining("no order");
    }
}
