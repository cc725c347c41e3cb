package app.strongroom.restore;

import jakarta.ejb.ApplicationException;

/** A restore that is not done, for a reason a person can act on; nothing was changed. */
@ApplicationException(rollback = true)
public class RestoreRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RestoreRefusedException(String message) {
        super(message);
    }
}
