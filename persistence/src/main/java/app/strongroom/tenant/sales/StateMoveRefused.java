package app.strongroom.tenant.sales;

import jakarta.ejb.ApplicationException;

/**
 * A record was asked to move to a state it cannot reach from where it is (posting a cancelled invoice), or to change
 * what its state freezes. {@code reason} is a message key; nothing was changed.
 */
@ApplicationException(rollback = true)
public class StateMoveRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public StateMoveRefused(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** The message key saying why, for pages and the API. */
    public String reason() {
        return reason;
    }
}
