package app.strongroom.identity;

import java.util.Optional;

/** What is wrong with a new password, in words that follow the field's label; empty when the policy accepts it. */
public final class PasswordProblem {
    private PasswordProblem() {
    }

    public static Optional<String> of(PasswordPolicy policy, char[] password) {
        PasswordPolicy.Verdict verdict = policy.judge(password);
        if (verdict instanceof PasswordPolicy.TooShort tooShort) {
            return Optional.of("must have at least " + tooShort.minimumLength() + " characters");
        } else if (verdict instanceof PasswordPolicy.TooLong tooLong) {
            return Optional.of("must have at most " + tooLong.maximumLength() + " characters");
        } else if (verdict instanceof PasswordPolicy.TooCommon) {
            return Optional.of("is one of the most common passwords; choose another "
                    + "(a few unrelated words work well)");
        }
        return Optional.empty();
    }
}
