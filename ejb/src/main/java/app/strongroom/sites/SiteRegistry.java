package app.strongroom.sites;

import app.strongroom.platform.PlatformSettings;
import app.strongroom.vault.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured sites, read once: the platform refuses to start when they are fewer than 3 or on one continent. */
@ApplicationScoped
public class SiteRegistry {
    @Inject
    PlatformSettings settings;

    private volatile List<Site> sites;

    public List<Site> all() {
        List<Site> known = sites;
        if (known == null) {
            known = settings.backupSites();
            sites = known;
        }
        return known;
    }

    public List<String> names() {
        return all().stream().map(Site::name).toList();
    }

    public Optional<Site> find(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Site get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no site named " + name));
    }

    /** Site name to continent, in configuration order. */
    public Map<String, String> continents() {
        Map<String, String> continents = new LinkedHashMap<>();
        all().forEach(s -> continents.put(s.name(), s.continent()));
        return continents;
    }
}
