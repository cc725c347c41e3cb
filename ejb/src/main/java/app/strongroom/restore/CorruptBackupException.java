package app.strongroom.restore;

import app.strongroom.vault.VaultException;

/**
 * The backup read from a site is not what was written (it failed authentication, or does not match its manifest):
 * that copy is damaged, as opposed to a restore that failed for a reason of the database it was restored into.
 */
public class CorruptBackupException extends VaultException {
    private static final long serialVersionUID = 1L;

    public CorruptBackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
