package app.strongroom.vault.site;

/**
 * What was given to a site to store is not what its source said it is (another size or SHA-256): the source is at
 * fault, not the site, which keeps what it had. A caller tries another source.
 */
public class ContentMismatchException extends SiteException {
    private static final long serialVersionUID = 1L;

    public ContentMismatchException(String message) {
        super(message);
    }
}
