package app.strongroom.restore;

/**
 * A live restore whose outcome this server cannot establish or finish: the databases may have been swapped, or the
 * live database could not be opened again. Its record stays running and its heartbeat stops, so the recovery takes it
 * over and, reading the databases' labels, completes or undoes it; it retries until it can.
 */
class RestoreInDoubtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RestoreInDoubtException(String message, Throwable cause) {
        super(message, cause);
    }
}
