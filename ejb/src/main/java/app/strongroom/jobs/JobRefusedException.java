package app.strongroom.jobs;

import jakarta.ejb.ApplicationException;

/**
 * The console would not do what was asked: no such execution or tenant, the execution is not in a state that allows
 * it, or the job is not one staff start. The message says which, in words the operator can act on.
 */
@ApplicationException(rollback = true)
public class JobRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobRefusedException(String message) {
        super(message);
    }
}
