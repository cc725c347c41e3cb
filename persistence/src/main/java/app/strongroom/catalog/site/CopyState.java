package app.strongroom.catalog.site;

/** Where a copy at a site stands. Only a {@link #VERIFIED} copy counts. */
public enum CopyState {
    /** Read back from the site whole; its SHA-256 is the one recorded. */
    VERIFIED,
    /** The last attempt to copy failed; the reason is kept and the copy is tried again. */
    FAILED,
    /** Found not to match its digest when read back later: replaced by the next pass. */
    CORRUPT
}
