package app.strongroom.tenant.rules.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.tenant.rules.expression.Expression.And;
import app.strongroom.tenant.rules.expression.Expression.Comparator;
import app.strongroom.tenant.rules.expression.Expression.Comparison;
import app.strongroom.tenant.rules.expression.Expression.FieldPath;
import app.strongroom.tenant.rules.expression.Expression.LiteralList;
import app.strongroom.tenant.rules.expression.Expression.Membership;
import app.strongroom.tenant.rules.expression.Expression.Not;
import app.strongroom.tenant.rules.expression.Expression.Or;
import app.strongroom.tenant.rules.expression.Expression.Text;
import app.strongroom.tenant.rules.expression.Expression.Variable;
import app.strongroom.tenant.rules.expression.Expression.VariableName;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Expression parsed = ExpressionParser.parse("a = 1 or not b = 2 and c = 3");
        assertThat(parsed).isInstanceOf(Or.class);
        List<Expression> either = ((Or) parsed).operands();
        assertThat(either.get(0)).isInstanceOf(Comparison.class);
        assertThat(either.get(1)).isInstanceOf(And.class);
        assertThat(((And) either.get(1)).operands().get(0)).isInstanceOf(Not.class);
    }

    @Test
    void pathsVariablesAndLiteralsAreWhatTheySay() {
        Comparison owner = (Comparison) ExpressionParser.parse("salesperson.company.id = user.company");
        assertThat(((FieldPath) owner.left()).names()).containsExactly("salesperson", "company", "id");
        assertThat(((Variable) owner.right()).name()).isEqualTo(VariableName.USER_COMPANY);

        Comparison text = (Comparison) ExpressionParser.parse("name != 'O''Brien'");
        assertThat(text.comparator()).isEqualTo(Comparator.NOT_EQUAL);
        assertThat(((Text) text.right()).value()).isEqualTo("O'Brien");

        Comparison number = (Comparison) ExpressionParser.parse("amount_total >= -12.50");
        assertThat(((Expression.Number) number.right()).value()).isEqualByComparingTo(new BigDecimal("-12.50"));

        Membership groups = (Membership) ExpressionParser.parse("team.id not in user.groups");
        assertThat(groups.negated()).isTrue();
        assertThat(((Variable) groups.set()).name()).isEqualTo(VariableName.USER_GROUPS);

        Membership states = (Membership) ExpressionParser.parse("state in ('sent', 'confirmed')");
        assertThat(((LiteralList) states.set()).values()).hasSize(2);
        assertThat(ExpressionParser.parse("(due_date < today)")).isInstanceOf(Comparison.class);
    }

    @Test
    void positionsCountLinesAndColumnsFromOne() {
        Or parsed = (Or) ExpressionParser.parse("a = 1\n  or b = 2");
        assertThat(parsed.operands().get(1).position()).isEqualTo(new Position(2, 6));
    }

    @Test
    void everyMistakeIsNamedWithItsPlace() {
        assertError("", 1, 1, "empty");
        assertError("a = ", 1, 5, "expected a field, a value or a variable but found the end");
        assertError("a", 1, 2, "expected a comparison");
        assertError("a = 1 b = 2", 1, 7, "unexpected 'b' after a complete expression");
        assertError("(a = 1", 1, 7, "expected a closing parenthesis");
        assertError("a = 'open", 1, 5, "no closing quote");
        assertError("a = 1;", 1, 6, "unexpected character ';'");
        assertError("a\n = #", 2, 4, "unexpected character '#'");
        assertError("user.password = 'x'", 1, 1, "unknown variable user.password");
        assertError("a in 'x'", 1, 6, "after in comes a list");
        assertError("a in (b)", 1, 7, "only literal values");
        assertError("a = 12abc", 1, 7, "a number is followed by 'a'");
        assertError("a.b.c.d.e = 1", 1, 9, "at most 4 names");
        assertError("a. = 1", 1, 4, "expected a field name after the dot");
        assertError("a = 'line\nbreak'", 1, 10, "no line breaks");
    }

    @Test
    void boundsOfLengthDepthAndSizeAreErrorsToo() {
        assertThatThrownBy(() -> ExpressionParser.parse("a = 1 or ".repeat(300) + "a = 1"))
                .isInstanceOf(ExpressionError.class).hasMessageContaining("longer than 2000");
        assertThatThrownBy(() -> ExpressionParser.parse("(".repeat(30) + "a = 1" + ")".repeat(30)))
                .isInstanceOf(ExpressionError.class).hasMessageContaining("deeper than 20");
        assertThatThrownBy(() -> ExpressionParser.parse("not ".repeat(30) + "a = 1"))
                .isInstanceOf(ExpressionError.class).hasMessageContaining("deeper than 20");
        assertThatThrownBy(() -> ExpressionParser.parse("a=1 or ".repeat(80) + "a=1"))
                .isInstanceOf(ExpressionError.class).hasMessageContaining("more than 200 parts");
        assertThatThrownBy(() -> ExpressionParser.parse("a in (" + "1,".repeat(100) + "1)"))
                .isInstanceOf(ExpressionError.class).hasMessageContaining("at most 100 values");
        assertThatThrownBy(() -> ExpressionParser.parse("a = '%s'".formatted("x".repeat(501))))
                .isInstanceOf(ExpressionError.class).hasMessageContaining("at most 500 characters");
        assertThat(ExpressionParser.parse("(".repeat(19) + "a = 1" + ")".repeat(19))).isInstanceOf(Comparison.class);
    }

    private static void assertError(String text, int line, int column, String reason) {
        assertThatThrownBy(() -> ExpressionParser.parse(text)).as(text).isInstanceOfSatisfying(ExpressionError.class,
                e -> {
                    assertThat(e.reason()).as(text).contains(reason);
                    assertThat(e.position()).as(text + ": " + e.getMessage()).isEqualTo(new Position(line, column));
                });
    }
}
