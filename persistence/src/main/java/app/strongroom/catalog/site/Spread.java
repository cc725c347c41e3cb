package app.strongroom.catalog.site;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where something has verified copies, and whether that is enough (P7): at least {@value #SITES} sites on at least
 * {@value #CONTINENTS} continents, so neither a data centre nor a region lost loses it.
 */
public record Spread(Set<String> sites, Set<String> continents) {
    public static final int SITES = 3;
    public static final int CONTINENTS = 2;

    public Spread {
        sites = Set.copyOf(new TreeSet<>(sites));
        continents = Set.copyOf(new TreeSet<>(continents));
    }

    /** The spread of copies at {@code sitesWithCopy}, placed on continents by {@code continentOf} (site → continent). */
    public static Spread of(Collection<String> sitesWithCopy, Map<String, String> continentOf) {
        Set<String> known = sitesWithCopy.stream().filter(continentOf::containsKey).collect(Collectors.toSet());
        Set<String> continents = known.stream().map(s -> continentOf.get(s).strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new Spread(known, continents);
    }

    public boolean isSafe() {
        return sites.size() >= SITES && continents.size() >= CONTINENTS;
    }
}
