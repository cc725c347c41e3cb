package app.strongroom.apitoken;

import app.strongroom.catalog.apitoken.StaffApiTokenId;
import app.strongroom.identity.Role;
import java.util.Optional;

/** What a token presented to the API came to. */
public sealed interface TokenCheck {
    /** An active token of a staff member, who acts with {@code role}, their role at this moment. */
    record Accepted(StaffApiTokenId token, String login, Role role) implements TokenCheck {
    }

    /** Refused and recorded; {@code reason} may be told to the client (it names nothing the client did not send). */
    record Refused(Optional<StaffApiTokenId> token, Optional<String> login, String reason) implements TokenCheck {
    }
}
