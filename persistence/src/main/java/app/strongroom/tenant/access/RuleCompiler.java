package app.strongroom.tenant.access;

import app.strongroom.tenant.rules.expression.Expression;
import app.strongroom.tenant.rules.expression.Expression.Comparison;
import app.strongroom.tenant.rules.expression.Expression.FieldPath;
import app.strongroom.tenant.rules.expression.Expression.Literal;
import app.strongroom.tenant.rules.expression.Expression.LiteralList;
import app.strongroom.tenant.rules.expression.Expression.Membership;
import app.strongroom.tenant.rules.expression.Expression.Operand;
import app.strongroom.tenant.rules.expression.Expression.Variable;
import app.strongroom.tenant.rules.expression.ExpressionError;
import app.strongroom.tenant.rules.expression.FieldType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a checked expression into a Criteria predicate over one query's root. Each step through a reference is a
 * left join (shared by every path through it), so a record whose reference is empty is still judged by the rest of
 * the expression; each literal and variable is a bound parameter. The tree is walked once, so compiling is linear in
 * its (bounded) size; a clock bound stops it all the same.
 */
public final class RuleCompiler {
    /** Longer than any expression within the bounds takes, by orders of magnitude (see the benchmark). */
    static final long BUDGET_NANOS = 50_000_000;

    private final CriteriaBuilder cb;
    private final From<?, ?> root;
    private final RecordModel model;
    private final UserContext user;
    private final QueryParameters parameters;
    private final Map<String, From<?, ?>> joins = new HashMap<>();
    private final long deadline;

    public RuleCompiler(CriteriaBuilder cb, From<?, ?> root, RecordModel model, UserContext user,
                        QueryParameters parameters) {
        this.cb = cb;
        this.root = root;
        this.model = model;
        this.user = user;
        this.parameters = parameters;
        this.deadline = System.nanoTime() + BUDGET_NANOS;
    }

    public Predicate compile(Expression expression) {
        if (System.nanoTime() > deadline) {
            throw new ExpressionError(expression.position(), "the expression took too long to compile");
        }
        if (expression instanceof Expression.And and) {
            return cb.and(all(and.operands()));
        }
        if (expression instanceof Expression.Or or) {
            return cb.or(all(or.operands()));
        }
        if (expression instanceof Expression.Not not) {
            return cb.not(compile(not.operand()));
        }
        if (expression instanceof Comparison comparison) {
            return comparison(comparison);
        }
        return membership((Membership) expression);
    }

    private Predicate[] all(List<Expression> operands) {
        return operands.stream().map(this::compile).toArray(Predicate[]::new);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate comparison(Comparison comparison) {
        Operand left = comparison.left();
        Operand right = comparison.right();
        if (right instanceof Expression.Null || left instanceof Expression.Null) {
            jakarta.persistence.criteria.Expression<?> value = value(left instanceof Expression.Null ? right : left, null);
            return comparison.comparator() == Expression.Comparator.EQUAL ? cb.isNull(value) : cb.isNotNull(value);
        }
        jakarta.persistence.criteria.Expression<?> l = value(left, right);
        jakarta.persistence.criteria.Expression<?> r = value(right, left);
        jakarta.persistence.criteria.Expression<Comparable> lc = (jakarta.persistence.criteria.Expression<Comparable>) l;
        jakarta.persistence.criteria.Expression<Comparable> rc = (jakarta.persistence.criteria.Expression<Comparable>) r;
        return switch (comparison.comparator()) {
            case EQUAL -> cb.equal(l, r);
            case NOT_EQUAL -> cb.notEqual(l, r);
            case LESS -> cb.lessThan(lc, rc);
            case LESS_OR_EQUAL -> cb.lessThanOrEqualTo(lc, rc);
            case GREATER -> cb.greaterThan(lc, rc);
            case GREATER_OR_EQUAL -> cb.greaterThanOrEqualTo(lc, rc);
        };
    }

    private Predicate membership(Membership membership) {
        jakarta.persistence.criteria.Expression<?> left;
        List<jakarta.persistence.criteria.Expression<?>> values = new ArrayList<>();
        if (membership.set() instanceof LiteralList list) {
            left = value(membership.left(), list.values().get(0));
            for (Literal literal : list.values()) {
                values.add(value(literal, membership.left()));
            }
        } else if (membership.left() instanceof Expression.Number group) {
            // "3 in user.groups" says something of the user, not of the record: all records or none.
            boolean member = user.groupIds().contains(group.value().longValueExact());
            return member != membership.negated() ? cb.conjunction() : cb.disjunction();
        } else {
            left = value(membership.left(), null);
            user.groupIds().stream().sorted().forEach(group -> values.add(parameters.bind(cb, Long.class, group)));
        }
        if (values.isEmpty()) {
            return membership.negated() ? cb.conjunction() : cb.disjunction();
        }
        CriteriaBuilder.In<Object> in = cb.in(left);
        values.forEach(in::value);
        return membership.negated() ? cb.not(in) : in;
    }

    /**
     * The query expression for {@code operand}. A literal takes its Java type from the field it is compared with
     * ({@code other}): a whole number compared with a reference is an id, a text compared with a date is that date,
     * a text compared with a state is that state.
     */
    private jakarta.persistence.criteria.Expression<?> value(Operand operand, Operand other) {
        if (operand instanceof FieldPath path) {
            return path(path);
        }
        if (operand instanceof Variable variable) {
            return switch (variable.name()) {
                case USER_ID -> parameters.bind(cb, Long.class, user.userId());
                case USER_COMPANY -> parameters.bind(cb, Long.class, user.companyId());
                case TODAY -> parameters.bind(cb, LocalDate.class, user.today());
                case USER_GROUPS -> throw new ExpressionError(variable.position(), "user.groups comes only after in");
            };
        }
        if (operand instanceof Expression.DaysFromToday days) {
            return parameters.bind(cb, LocalDate.class, user.today().plusDays(days.days()));
        }
        Class<?> target = other instanceof FieldPath path ? path(path).getJavaType()
                : other instanceof Variable variable && variable.name() == Expression.VariableName.TODAY
                || other instanceof Expression.DaysFromToday ? LocalDate.class : null;
        if (operand instanceof Expression.Text text) {
            if (target == LocalDate.class) {
                return parameters.bind(cb, LocalDate.class, LocalDate.parse(text.value()));
            }
            if (target != null && target.isEnum()) {
                return enumValue(target, text);
            }
            return parameters.bind(cb, String.class, text.value());
        }
        if (operand instanceof Expression.Number number) {
            if (target == Long.class || target == long.class) {
                return parameters.bind(cb, Long.class, number.value().longValueExact());
            }
            return parameters.bind(cb, BigDecimal.class, number.value());
        }
        if (operand instanceof Expression.Bool bool) {
            return parameters.bind(cb, Boolean.class, bool.value());
        }
        throw new ExpressionError(operand.position(), "null is compared with = or != only");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private jakarta.persistence.criteria.Expression<?> enumValue(Class<?> type, Expression.Text text) {
        Enum<?> value = Enum.valueOf((Class<? extends Enum>) type, text.value().toUpperCase(Locale.ROOT));
        return parameters.bind(cb, (Class<Object>) type, value);
    }

    /** The attribute a path ends on; a reference ends on its foreign key, each step before it is a left join. */
    private Path<?> path(FieldPath path) {
        From<?, ?> from = root;
        RecordModel current = model;
        List<String> names = path.names();
        for (int i = 0; i < names.size() - 1; i++) {
            String name = names.get(i);
            RecordModel owner = current;
            From<?, ?> parent = from;
            from = joins.computeIfAbsent(String.join(".", names.subList(0, i + 1)),
                    prefix -> "id".equals(name) ? parent : parent.join(owner.attribute(name), JoinType.LEFT));
            current = referenced(owner, name);
        }
        String last = names.get(names.size() - 1);
        FieldType type = current.model().field(last).orElseThrow();
        return from.get(type instanceof FieldType.Reference ? current.keyAttribute(last) : current.attribute(last));
    }

    private static RecordModel referenced(RecordModel owner, String field) {
        FieldType.Reference reference = (FieldType.Reference) owner.model().field(field).orElseThrow();
        return RecordModel.named(reference.model()).orElseThrow();
    }
}
