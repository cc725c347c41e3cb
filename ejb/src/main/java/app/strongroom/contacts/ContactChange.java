package app.strongroom.contacts;

/** Result of editing or deleting a contact. */
public sealed interface ContactChange {
    record Done() implements ContactChange {
    }

    /** No such contact in the caller's tenant (never existed, deleted, or an id from elsewhere). */
    record NotFound() implements ContactChange {
    }

    /** Someone changed the contact since it was loaded; nothing was written. */
    record Stale() implements ContactChange {
    }
}
