package app.strongroom.tenant.rules.expression;

import app.strongroom.tenant.rules.expression.Expression.Comparison;
import app.strongroom.tenant.rules.expression.Expression.FieldPath;
import app.strongroom.tenant.rules.expression.Expression.Literal;
import app.strongroom.tenant.rules.expression.Expression.LiteralList;
import app.strongroom.tenant.rules.expression.Expression.Membership;
import app.strongroom.tenant.rules.expression.Expression.Operand;
import app.strongroom.tenant.rules.expression.Expression.Variable;
import app.strongroom.tenant.rules.expression.FieldType.Reference;
import app.strongroom.tenant.rules.expression.FieldType.Scalar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Checks a parsed expression against the model it is written for: every path names fields that exist, every step but
 * the last of a path is a reference, and every comparison compares things of one type. Answers
 * {@link ExpressionError} at the position of the first problem.
 */
public final class ExpressionChecker {
    private final Schema schema;

    public ExpressionChecker(Schema schema) {
        this.schema = schema;
    }

    /** Parses and checks {@code text} for {@code model}; the tree returned is safe to compile. */
    public Expression parseFor(String model, String text) {
        Expression expression = ExpressionParser.parse(text);
        check(expression, schema.model(model));
        return expression;
    }

    public void check(Expression expression, Model model) {
        if (expression instanceof Expression.And and) {
            and.operands().forEach(operand -> check(operand, model));
        } else if (expression instanceof Expression.Or or) {
            or.operands().forEach(operand -> check(operand, model));
        } else if (expression instanceof Expression.Not not) {
            check(not.operand(), model);
        } else if (expression instanceof Comparison comparison) {
            comparison(comparison, model);
        } else {
            membership((Membership) expression, model);
        }
    }

    /**
     * Parses and checks the computed default {@code text} of a field of {@code model} whose type is {@code target}:
     * every value it can give is of that type, and nothing in it reads the record's fields, which do not exist yet.
     */
    public Computed parseDefaultFor(String model, FieldType target, String text) {
        Computed computed = ExpressionParser.parseDefault(text);
        checkDefault(computed, schema.model(model), target);
        return computed;
    }

    public void checkDefault(Computed computed, Model model, FieldType target) {
        if (computed instanceof Computed.Conditional conditional) {
            noFields(conditional.condition());
            check(conditional.condition(), model);
            checkDefault(conditional.then(), model, target);
            checkDefault(conditional.otherwise(), model, target);
            return;
        }
        Operand value = ((Computed.Value) computed).operand();
        noField(value);
        Kind kind = kindOf(value, model);
        if (kind.isSet()) {
            throw new ExpressionError(value.position(), "user.groups is a set of groups; a default is one value");
        }
        if (kind.isNull()) {
            throw new ExpressionError(value.position(), "null is no default: leave the field without one instead");
        }
        Kind wanted = new Kind(target, false, false);
        if (!compatible(wanted, null, kind, value)) {
            throw new ExpressionError(value.position(), "type mismatch: the field is " + target.describe() + ", "
                    + describe(value) + " is " + kind.type().describe());
        }
    }

    /** A default's condition is judged before the record exists: it may not name the record's fields. */
    private static void noFields(Expression condition) {
        if (condition instanceof Expression.And and) {
            and.operands().forEach(ExpressionChecker::noFields);
        } else if (condition instanceof Expression.Or or) {
            or.operands().forEach(ExpressionChecker::noFields);
        } else if (condition instanceof Expression.Not not) {
            noFields(not.operand());
        } else if (condition instanceof Comparison comparison) {
            noField(comparison.left());
            noField(comparison.right());
        } else {
            noField(((Membership) condition).left());
        }
    }

    private static void noField(Operand operand) {
        if (operand instanceof FieldPath path) {
            throw new ExpressionError(path.position(), "a default is computed before the record exists, so it cannot "
                    + "read " + path.dotted() + "; it can use user.id, user.company, user.groups and today");
        }
    }

    /** The type a field path ends on, following references from {@code model}. */
    public FieldType typeOf(FieldPath path, Model model) {
        Model current = model;
        FieldType type = null;
        for (int i = 0; i < path.names().size(); i++) {
            String name = path.names().get(i);
            if (type != null) {
                if (!(type instanceof Reference reference)) {
                    throw new ExpressionError(path.position(), String.join(".", path.names().subList(0, i))
                            + " is " + type.describe() + ", which has no fields");
                }
                current = schema.model(reference.model());
            }
            Model owner = current;
            type = current.field(name).orElseThrow(() -> new ExpressionError(path.position(), "unknown field "
                    + name + " of " + owner.name() + "; it has id" + (owner.fields().isEmpty() ? "" : ", ")
                    + owner.fieldNames()));
        }
        return type;
    }

    private void comparison(Comparison comparison, Model model) {
        Kind left = kindOf(comparison.left(), model);
        Kind right = kindOf(comparison.right(), model);
        if (left.isSet() || right.isSet()) {
            throw new ExpressionError(comparison.position(), "user.groups is a set of groups: use in");
        }
        if (left.isNull() || right.isNull()) {
            if (comparison.comparator().orders()) {
                throw new ExpressionError(comparison.position(), "null is compared with = or != only");
            }
            if (left.isNull() && right.isNull()) {
                throw new ExpressionError(comparison.position(), "null compared with null says nothing");
            }
            return;
        }
        if (!compatible(left, comparison.left(), right, comparison.right())) {
            throw mismatch(comparison.position(), comparison.left(), left, comparison.right(), right);
        }
        if (comparison.comparator().orders()) {
            for (Kind side : List.of(left, right)) {
                if (!(side.type() instanceof Scalar scalar
                        && (scalar == Scalar.TEXT || scalar == Scalar.NUMBER || scalar == Scalar.DATE))) {
                    Operand operand = side == left ? comparison.left() : comparison.right();
                    throw new ExpressionError(comparison.position(), describe(operand) + " is "
                            + side.type().describe() + ", which has no order: compare it with = or !=");
                }
            }
        }
    }

    private void membership(Membership membership, Model model) {
        Kind left = kindOf(membership.left(), model);
        if (left.isSet() || left.isNull()) {
            throw new ExpressionError(membership.position(), "the left of in is a field or a single value");
        }
        if (membership.set() instanceof Variable variable
                && variable.name() == Expression.VariableName.USER_GROUPS) {
            // A whole number names a group by its id: "3 in user.groups" asks whether the user is in group 3.
            if (!new Reference(Schema.GROUP).equals(left.type())
                    && !oneWay(new Kind(new Reference(Schema.GROUP), false, false), left, membership.left())) {
                throw new ExpressionError(membership.position(), describe(membership.left()) + " is "
                        + left.type().describe() + ", not a group: it cannot be in user.groups");
            }
            return;
        }
        if (!(membership.set() instanceof LiteralList list)) {
            throw new ExpressionError(membership.set().position(), "after in comes a list in parentheses or "
                    + "user.groups");
        }
        for (Literal value : list.values()) {
            Kind kind = kindOf(value, model);
            if (kind.isNull()) {
                throw new ExpressionError(value.position(), "a list holds no null: compare with = null instead");
            }
            if (!compatible(left, membership.left(), kind, value)) {
                throw mismatch(value.position(), membership.left(), left, value, kind);
            }
        }
    }

    /** Same type; or a reference and a whole number (an id); or a date and a text that is an ISO date. */
    private static boolean compatible(Kind left, Operand leftOperand, Kind right, Operand rightOperand) {
        if (left.type().equals(right.type())) {
            return true;
        }
        return oneWay(left, right, rightOperand) || oneWay(right, left, leftOperand);
    }

    private static boolean oneWay(Kind kind, Kind literalKind, Operand literal) {
        if (kind.type() instanceof Reference && literal instanceof Expression.Number number) {
            return number.value().signum() > 0 && number.value().stripTrailingZeros().scale() <= 0
                    && number.value().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
        }
        if (kind.type() instanceof FieldType.Choice choice && literal instanceof Expression.Text text) {
            return choice.values().contains(text.value());
        }
        if (kind.type() == Scalar.DATE && literal instanceof Expression.Text text) {
            return isDate(text.value());
        }
        return false;
    }

    private Kind kindOf(Operand operand, Model model) {
        if (operand instanceof FieldPath path) {
            return new Kind(typeOf(path, model), false, false);
        }
        if (operand instanceof Variable variable) {
            return switch (variable.name()) {
                case USER_ID -> new Kind(new Reference(Schema.USER), false, false);
                case USER_COMPANY -> new Kind(new Reference(Schema.COMPANY), false, false);
                case USER_GROUPS -> new Kind(new Reference(Schema.GROUP), true, false);
                case TODAY -> new Kind(Scalar.DATE, false, false);
            };
        }
        if (operand instanceof Expression.DaysFromToday) {
            return new Kind(Scalar.DATE, false, false);
        }
        if (operand instanceof Expression.Text) {
            return new Kind(Scalar.TEXT, false, false);
        }
        if (operand instanceof Expression.Number) {
            return new Kind(Scalar.NUMBER, false, false);
        }
        if (operand instanceof Expression.Bool) {
            return new Kind(Scalar.BOOLEAN, false, false);
        }
        if (operand instanceof Expression.Null) {
            return new Kind(Scalar.TEXT, false, true);
        }
        throw new ExpressionError(operand.position(), "a list comes only after in");
    }

    private static ExpressionError mismatch(Position at, Operand left, Kind leftKind, Operand right, Kind rightKind) {
        return new ExpressionError(at, "type mismatch: " + describe(left) + " is " + leftKind.type().describe() + ", "
                + describe(right) + " is " + rightKind.type().describe());
    }

    private static String describe(Operand operand) {
        if (operand instanceof FieldPath path) {
            return path.dotted();
        }
        if (operand instanceof Variable variable) {
            return variable.name().text();
        }
        if (operand instanceof Expression.DaysFromToday days) {
            return "today " + (days.days() < 0 ? "- " + -days.days() : "+ " + days.days());
        }
        if (operand instanceof Expression.Text text) {
            return "'" + (text.value().length() > 20 ? text.value().substring(0, 20) + "…" : text.value()) + "'";
        }
        if (operand instanceof Expression.Number number) {
            return number.value().toPlainString();
        }
        if (operand instanceof Expression.Bool bool) {
            return String.valueOf(bool.value());
        }
        return operand instanceof Expression.Null ? "null" : "the list";
    }

    /** An operand's type, and whether it is a set (user.groups) or null. */
    private record Kind(FieldType type, boolean isSet, boolean isNull) {
    }

    /**
     * An ISO date of the years 1 to 9999: {@link LocalDate} would take years of nine digits, which no database column
     * holds, so a rule or default with one would fail only when used.
     */
    public static boolean isDate(String text) {
        try {
            int year = LocalDate.parse(text).getYear();
            return year >= 1 && year <= 9999;
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }
}
