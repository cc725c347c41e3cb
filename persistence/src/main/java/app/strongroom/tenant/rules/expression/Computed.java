package app.strongroom.tenant.rules.expression;

/**
 * A computed default's syntax tree: one value, or a choice between two by a condition. It is computed for a record
 * that does not exist yet, so nothing in it reads the record's fields: only literals, {@code user.id},
 * {@code user.company}, {@code today} (give or take days), and conditions over those and {@code user.groups}.
 */
public sealed interface Computed {
    Position position();

    /** A literal, a variable or a date from today. */
    record Value(Expression.Operand operand, Position position) implements Computed {
    }

    /** {@code if condition then a else b}. */
    record Conditional(Expression condition, Computed then, Computed otherwise, Position position) implements Computed {
    }
}
