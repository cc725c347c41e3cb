package app.strongroom.defaults;

/** What became of the administrator's default for a field. */
public sealed interface DefaultChange {
    record Saved() implements DefaultChange {
    }

    /** The field has no default any more (or had none). */
    record Cleared() implements DefaultChange {
    }

    /** Another administrator changed the default since it was read: nothing was written. */
    record Stale() implements DefaultChange {
    }

    /** The expression does not check: the reason names line and column; nothing was saved. */
    record Refused(String reason) implements DefaultChange {
    }
}
