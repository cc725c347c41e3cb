package app.strongroom.account;

/** The result of a user changing their own password. */
public sealed interface PasswordChange {
    /**
     * Changed; every other session has ended and this one continues at {@code sessionEpoch}. The user's API keys,
     * {@code keysRevoked} of them active, are revoked.
     */
    record Changed(long sessionEpoch, int keysRevoked) implements PasswordChange {
    }

    /** The current password was wrong (or the login is locked after too many wrong ones). */
    record CurrentPasswordWrong() implements PasswordChange {
    }

    /** The new password does not meet the tenant's policy. */
    record Rejected(String reason) implements PasswordChange {
    }
}
