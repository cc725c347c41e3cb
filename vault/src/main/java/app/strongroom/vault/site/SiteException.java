package app.strongroom.vault.site;

import app.strongroom.vault.VaultException;

/** A site that could not do what was asked; the message names the site and the reason, never a credential. */
public class SiteException extends VaultException {
    private static final long serialVersionUID = 1L;

    public SiteException(String message) {
        super(message);
    }

    public SiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
