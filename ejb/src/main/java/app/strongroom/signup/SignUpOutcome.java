package app.strongroom.signup;

import app.strongroom.catalog.TenantSlug;
import java.util.List;

/** Result of a sign-up: the tenant now exists, fields were refused (every one at once), or too many sign-ups came. */
public sealed interface SignUpOutcome {
    record Created(TenantSlug tenant) implements SignUpOutcome {
    }

    /** Every field that was refused, each with its rule. Nothing was made. */
    record Refused(List<FieldProblem> problems) implements SignUpOutcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /** Sign-ups from this address, or across the platform, reached the hourly limit. Nothing was made. */
    record Throttled() implements SignUpOutcome {
    }

    /**
     * {@code field} is one of companyName, tenantName, adminLogin, email, password; {@code rule} says what is wrong in
     * words that follow the field's label ("is taken").
     */
    record FieldProblem(String field, String rule) {
    }
}
