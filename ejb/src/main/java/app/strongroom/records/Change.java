package app.strongroom.records;

/** The outcome of changing or deleting a record. */
public sealed interface Change {
    record Done(long id) implements Change {
    }

    /** No such record the caller may touch: never existed, deleted, outside their rules, or another tenant's id. */
    record NotFound() implements Change {
    }

    /** Someone changed the record since it was loaded; nothing was written. */
    record Stale() implements Change {
    }
}
