package app.strongroom.vault.site;

/** Where a site's objects are: a directory or an S3-compatible bucket. */
public sealed interface SiteLocation permits DirectorySiteLocation, S3SiteLocation {
    /** A store for the site {@code siteName} (named in its messages); the caller closes it. */
    SiteStore open(String siteName);

    /** For messages and logs: never a credential. */
    String describe();
}
