package app.strongroom.vault;

/**
 * A key, a backup or a location the vault cannot use, with a message that says which and why in words an operator
 * acts on ("the backup ... failed authentication: it was altered or truncated"). Nothing is handed on after one.
 */
public class VaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
