package app.strongroom.download;

/** What a tenant administrator's request for a kept backup found. */
public sealed interface KeptLookup {
    /** One of the company's kept backups, readable at the home location. */
    record Found(KeptFile file) implements KeptLookup {
    }

    /** No kept backup of the company has that id: it never was, was removed by retention, or is another company's. */
    record NotFound() implements KeptLookup {
    }

    /**
     * Kept, but its copy at the home location is missing or not the size it was written with; {@code safeOnSites}:
     * its verified copies at the sites make it safe (three sites, two continents), so the helpdesk can restore it.
     */
    record NotAtHome(KeptFile file, boolean safeOnSites) implements KeptLookup {
    }
}
