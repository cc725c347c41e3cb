package app.strongroom.users;

/** The result of an administrator's change to users or groups. */
public sealed interface UserChange {
    record Done() implements UserChange {
    }

    record NotFound() implements UserChange {
    }

    /** Refused as asked; {@code field} names the form field at fault, or is empty for the whole request. */
    record Refused(String field, String reason) implements UserChange {
    }

    /** The mail could not be sent; nothing was saved. */
    record MailFailed(String reason) implements UserChange {
    }
}
