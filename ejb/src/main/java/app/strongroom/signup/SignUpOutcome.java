package app.strongroom.signup;

import app.strongroom.catalog.TenantSlug;

/** Result of a sign-up: the tenant now exists, or one field was refused (named, with the reason). */
public sealed interface SignUpOutcome {
    record Created(TenantSlug tenant) implements SignUpOutcome {
    }

    /** {@code field} is one of companyName, tenantName, adminLogin, email, password, plan. */
    record Refused(String field, String reason) implements SignUpOutcome {
    }
}
