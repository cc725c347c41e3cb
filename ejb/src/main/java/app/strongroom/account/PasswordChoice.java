package app.strongroom.account;

/** The result of choosing a password through a link. */
public sealed interface PasswordChoice {
    /** Done; the user signs in with {@code login} at {@code company}. */
    record Chosen(String company, String login) implements PasswordChoice {
    }

    /** The link cannot be used (any more); nothing changed. */
    record LinkNotUsable(LinkState state) implements PasswordChoice {
    }

    /** The password does not meet the tenant's policy; the link still works. */
    record Rejected(String reason) implements PasswordChoice {
    }
}
