package app.strongroom.vault.site;

/**
 * A place that holds copies: its name (unique), the continent and region it is in, and where its objects are.
 * {@link #open()} makes a store to talk to it; the caller closes it.
 */
public record Site(String name, String continent, String region, SiteLocation location) {
    public SiteStore open() {
        return location.open(name);
    }
}
