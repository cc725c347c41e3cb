package app.strongroom.access;

/** The outcome of saving or deleting a rule. */
public sealed interface RuleChange {
    record Saved(long id) implements RuleChange {
    }

    /** Nothing was saved: {@code field} is what to fix, {@code reason} says how (with line and column, for an expression). */
    record Refused(String field, String reason) implements RuleChange {
    }

    record NotFound() implements RuleChange {
    }
}
