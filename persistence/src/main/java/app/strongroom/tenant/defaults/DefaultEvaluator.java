package app.strongroom.tenant.defaults;

import app.strongroom.tenant.access.UserContext;
import app.strongroom.tenant.rules.expression.Computed;
import app.strongroom.tenant.rules.expression.Expression;
import app.strongroom.tenant.rules.expression.Expression.Comparison;
import app.strongroom.tenant.rules.expression.Expression.Literal;
import app.strongroom.tenant.rules.expression.Expression.LiteralList;
import app.strongroom.tenant.rules.expression.Expression.Membership;
import app.strongroom.tenant.rules.expression.Expression.Operand;
import app.strongroom.tenant.rules.expression.Expression.Variable;
import app.strongroom.tenant.rules.expression.FieldType;
import app.strongroom.tenant.rules.expression.FieldType.Reference;
import app.strongroom.tenant.rules.expression.FieldType.Scalar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Computes a checked default for one user: walks its tree once (so in time linear in its bounded size), reading only
 * literals and the user's variables. The checker has made sure every value fits the field and no condition reads the
 * record, so each comparison here is between two known values of one type.
 */
public final class DefaultEvaluator {
    private final UserContext user;

    public DefaultEvaluator(UserContext user) {
        this.user = user;
    }

    /**
     * The value for a field of type {@code type}: a String, BigDecimal, Boolean, LocalDate, or for a reference the
     * record's id as a Long.
     */
    public Object value(Computed computed, FieldType type) {
        if (computed instanceof Computed.Conditional conditional) {
            return value(holds(conditional.condition()) ? conditional.then() : conditional.otherwise(), type);
        }
        Object value = operand(((Computed.Value) computed).operand());
        if (type instanceof Reference) {
            return value instanceof BigDecimal number ? number.longValueExact() : value;
        }
        if (type == Scalar.DATE && value instanceof String text) {
            return LocalDate.parse(text);
        }
        return value;
    }

    boolean holds(Expression condition) {
        if (condition instanceof Expression.And and) {
            return and.operands().stream().allMatch(this::holds);
        }
        if (condition instanceof Expression.Or or) {
            return or.operands().stream().anyMatch(this::holds);
        }
        if (condition instanceof Expression.Not not) {
            return !holds(not.operand());
        }
        if (condition instanceof Comparison comparison) {
            return compare(comparison);
        }
        Membership membership = (Membership) condition;
        Object left = operand(membership.left());
        boolean in;
        if (membership.set() instanceof LiteralList list) {
            in = false;
            for (Literal literal : list.values()) {
                in |= same(left, operand(literal));
            }
        } else {
            long group = left instanceof BigDecimal number ? number.longValueExact() : (Long) left;
            in = user.groupIds().contains(group);
        }
        return in != membership.negated();
    }

    private boolean compare(Comparison comparison) {
        Object left = operand(comparison.left());
        Object right = operand(comparison.right());
        if (left == null || right == null) {
            boolean bothNull = left == null && right == null;
            return comparison.comparator() == Expression.Comparator.EQUAL ? bothNull : !bothNull;
        }
        return switch (comparison.comparator()) {
            case EQUAL -> same(left, right);
            case NOT_EQUAL -> !same(left, right);
            case LESS -> order(left, right) < 0;
            case LESS_OR_EQUAL -> order(left, right) <= 0;
            case GREATER -> order(left, right) > 0;
            case GREATER_OR_EQUAL -> order(left, right) >= 0;
        };
    }

    private Object operand(Operand operand) {
        if (operand instanceof Variable variable) {
            return switch (variable.name()) {
                case USER_ID -> user.userId();
                case USER_COMPANY -> user.companyId();
                case TODAY -> user.today();
                case USER_GROUPS -> throw new IllegalStateException("user.groups is read by in only");
            };
        }
        if (operand instanceof Expression.DaysFromToday days) {
            return user.today().plusDays(days.days());
        }
        if (operand instanceof Expression.Text text) {
            return text.value();
        }
        if (operand instanceof Expression.Number number) {
            return number.value();
        }
        if (operand instanceof Expression.Bool bool) {
            return bool.value();
        }
        if (operand instanceof Expression.Null) {
            return null;
        }
        throw new IllegalStateException("a checked default reads no " + operand.getClass().getSimpleName());
    }

    /** Equal as the checker typed them: an id and a whole number, a date and its ISO text, numbers by value. */
    private static boolean same(Object left, Object right) {
        Object[] pair = aligned(left, right);
        if (pair[0] instanceof BigDecimal a && pair[1] instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(pair[0], pair[1]);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int order(Object left, Object right) {
        Object[] pair = aligned(left, right);
        return ((Comparable) pair[0]).compareTo(pair[1]);
    }

    private static Object[] aligned(Object left, Object right) {
        if (left instanceof Long id && right instanceof BigDecimal) {
            return new Object[] {BigDecimal.valueOf(id), right};
        }
        if (right instanceof Long id && left instanceof BigDecimal) {
            return new Object[] {left, BigDecimal.valueOf(id)};
        }
        if (left instanceof LocalDate && right instanceof String text) {
            return new Object[] {left, LocalDate.parse(text)};
        }
        if (right instanceof LocalDate && left instanceof String text) {
            return new Object[] {LocalDate.parse(text), right};
        }
        return new Object[] {left, right};
    }
}
