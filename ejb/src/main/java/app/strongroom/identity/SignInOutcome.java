package app.strongroom.identity;

import java.util.Set;

/** What a sign-in attempt came to. A refusal never says why: unknown tenant, unknown login and wrong password look alike. */
public sealed interface SignInOutcome {
    /** {@code sessionEpoch}: the account's epoch at sign-in; the session ends once the account's moves on. */
    record SignedIn(String callerName, Set<Role> roles, long sessionEpoch) implements SignInOutcome {
        public SignedIn {
            roles = Set.copyOf(roles);
        }
    }

    record Refused() implements SignInOutcome {
    }
}
