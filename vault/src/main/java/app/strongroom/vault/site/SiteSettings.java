package app.strongroom.vault.site;

import app.strongroom.vault.VaultException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The {@value #PROPERTY} setting: comma-separated entries {@code name|continent|location[|region]}, where location is
 * {@code file:/absolute/path} or {@code s3://bucket/optional/prefix?endpoint=https://host:port&region=eu-west-1
 * &path-style=true} (without endpoint, AWS S3 itself; region required; path-style false unless said). A site's region
 * is the 4th field if given, else an S3 site's region, else a directory site's name. An S3 site's access key is
 * asked of the secret source as {@code (site name, "access-key-id")} and {@code (site name, "secret-access-key")}:
 * both or neither, neither meaning the AWS default credentials chain.
 */
public final class SiteSettings {
    public static final String PROPERTY = "strongroom.backup.sites";
    public static final String ACCESS_KEY_ID = "access-key-id";
    public static final String SECRET_ACCESS_KEY = "secret-access-key";
    public static final int MINIMUM_SITES = 3;
    public static final int MINIMUM_CONTINENTS = 2;

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> PARAMETERS = Set.of("endpoint", "region", "path-style");

    private SiteSettings() {
    }

    /** The sites the setting names, in its order; an empty or missing setting names none. */
    public static List<Site> parse(String setting, BiFunction<String, String, Optional<String>> secret) {
        if (setting == null || setting.isBlank()) {
            return List.of();
        }
        List<Site> sites = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] entries = setting.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            Entry parsing = new Entry(i + 1, entry);
            Site site = parsing.site(secret);
            if (!names.add(site.name())) {
                throw parsing.problem("the name " + site.name() + " is given to an earlier entry too; each site needs"
                        + " a name of its own");
            }
            sites.add(site);
        }
        return List.copyOf(sites);
    }

    /**
     * Refuses a set of sites that a single disaster could take out together: fewer than {@value #MINIMUM_SITES}, or
     * all on fewer than {@value #MINIMUM_CONTINENTS} continents.
     */
    public static void requireSpread(List<Site> sites) {
        for (Site site : sites) {
            if (!CONTINENTS.contains(continentKey(site.continent()))) {
                throw new VaultException(PROPERTY + ": site " + site.name() + " is on \"" + site.continent().strip()
                        + "\", which is not a continent; name one of Africa, Antarctica, Asia, Europe, North America,"
                        + " Oceania, South America");
            }
        }
        for (int i = 0; i < sites.size(); i++) {
            for (int j = i + 1; j < sites.size(); j++) {
                if (samePlace(sites.get(i).location(), sites.get(j).location())) {
                    throw new VaultException(PROPERTY + ": sites " + sites.get(i).name() + " and " + sites.get(j).name()
                            + " keep their copies in the same place (one inside the other); each copy must be apart");
                }
            }
        }
        Map<String, String> continents = new LinkedHashMap<>();
        for (Site site : sites) {
            continents.putIfAbsent(continentKey(site.continent()), site.continent().strip());
        }
        if (sites.size() >= MINIMUM_SITES && continents.size() >= MINIMUM_CONTINENTS) {
            return;
        }
        String named = switch (sites.size()) {
            case 0 -> "no sites";
            case 1 -> "1 site";
            default -> sites.size() + " sites";
        };
        String found = continents.isEmpty() ? "none" : String.join(", ", continents.values());
        throw new VaultException(PROPERTY + " names " + named + (sites.size() >= MINIMUM_SITES ? ", all on one continent"
                : "") + "; at least " + MINIMUM_SITES + " are needed, on at least " + MINIMUM_CONTINENTS
                + " continents (found: " + found + ")");
    }

    private static final java.util.Set<String> CONTINENTS = java.util.Set.of("africa", "antarctica", "asia", "europe",
            "north america", "oceania", "australia", "south america");

    /** Whether two locations overlap: one directory inside the other, or one bucket prefix inside the other. */
    static boolean samePlace(SiteLocation a, SiteLocation b) {
        if (a instanceof DirectorySiteLocation da && b instanceof DirectorySiteLocation db) {
            java.nio.file.Path x = da.root().toAbsolutePath().normalize();
            java.nio.file.Path y = db.root().toAbsolutePath().normalize();
            return x.startsWith(y) || y.startsWith(x);
        }
        if (a instanceof S3SiteLocation sa && b instanceof S3SiteLocation sb) {
            if (!sa.endpoint().equals(sb.endpoint()) || !sa.bucket().equals(sb.bucket())) {
                return false;
            }
            String x = sa.prefix().isEmpty() ? "" : sa.prefix() + "/";
            String y = sb.prefix().isEmpty() ? "" : sb.prefix() + "/";
            return x.startsWith(y) || y.startsWith(x);
        }
        return false;
    }

    /** Continents are compared without case or extra spaces: "Europe", " europe" and "EUROPE" are one. */
    static String continentKey(String continent) {
        return continent.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** One entry being read, for messages that point at it. */
    private record Entry(int number, String text) {
        Site site(BiFunction<String, String, Optional<String>> secret) {
            String[] fields = text.split("\\|", -1);
            if (fields.length < 3 || fields.length > 4) {
                throw problem("it has " + fields.length + " field" + (fields.length == 1 ? "" : "s")
                        + "; an entry is name|continent|location, or name|continent|location|region");
            }
            String name = fields[0].strip();
            if (!NAME.matcher(name).matches()) {
                throw problem("the name '" + name + "' is not 1 to 40 characters of a-z, 0-9 and '-'");
            }
            String continent = fields[1].strip();
            if (continent.isEmpty()) {
                throw problem("the continent (2nd field) is empty");
            }
            Optional<String> region = Optional.empty();
            if (fields.length == 4) {
                region = Optional.of(region(fields[3].strip(), "the region (4th field)"));
            }
            String location = fields[2].strip();
            if (location.startsWith("file:")) {
                return new Site(name, continent, region.orElse(name), directory(location));
            }
            if (location.startsWith("s3://")) {
                S3SiteLocation bucket = bucket(name, location, secret);
                return new Site(name, continent, region.orElse(bucket.region()), bucket);
            }
            throw problem("the location (3rd field) '" + shown(location) + "' is neither file:/absolute/path nor"
                    + " s3://bucket/prefix?region=...");
        }

        private DirectorySiteLocation directory(String location) {
            String path = location.substring("file:".length());
            if (path.startsWith("//")) {
                if (!path.startsWith("///")) {
                    throw problem("the location '" + location + "' names a host; write file:/absolute/path");
                }
                path = path.substring(2);
            }
            if (!path.startsWith("/")) {
                throw problem("the location '" + location + "' is not an absolute path; write file:/absolute/path");
            }
            try {
                return new DirectorySiteLocation(Path.of(path));
            } catch (InvalidPathException e) {
                throw problem("the location '" + location + "' is not a usable path: " + e.getMessage());
            }
        }

        private S3SiteLocation bucket(String name, String location, BiFunction<String, String, Optional<String>> secret) {
            String rest = location.substring("s3://".length());
            String query = "";
            int question = rest.indexOf('?');
            if (question >= 0) {
                query = rest.substring(question + 1);
                rest = rest.substring(0, question);
            }
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
                throw problem("'" + bucket + "' is not a bucket name (3 to 63 characters of a-z, 0-9, '.' and '-',"
                        + " beginning and ending with a letter or digit)");
            }
            String prefix;
            try {
                prefix = SiteKeys.prefixOfSite(slash < 0 ? "" : rest.substring(slash + 1));
            } catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
            Map<String, String> parameters = parameters(query);
            String region = parameters.get("region");
            if (region == null) {
                throw problem("the s3 location has no region; add ?region=... (for instance region=eu-west-1, or"
                        + " us-east-1 for most self-hosted services)");
            }
            region = region(region, "the region parameter");
            Optional<URI> endpoint = Optional.ofNullable(parameters.get("endpoint")).map(this::endpoint);
            boolean pathStyle = pathStyle(parameters.getOrDefault("path-style", "false"));
            return new S3SiteLocation(endpoint, bucket, prefix, region, pathStyle, credentials(name, secret));
        }

        private Map<String, String> parameters(String query) {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (query.isEmpty()) {
                return parameters;
            }
            for (String pair : query.split("&", -1)) {
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (!PARAMETERS.contains(key)) {
                    throw problem("the s3 location has an unknown parameter '" + key
                            + "'; the known ones are endpoint, region and path-style");
                }
                if (equals < 0 || equals == pair.length() - 1) {
                    throw problem("the s3 location's parameter " + key + " has no value");
                }
                if (parameters.put(key, decode(pair.substring(equals + 1)).strip()) != null) {
                    throw problem("the s3 location gives the parameter " + key + " twice");
                }
            }
            return parameters;
        }

        private String decode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw problem("the s3 location's parameters are not properly %-encoded: " + e.getMessage());
            }
        }

        private URI endpoint(String text) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw problem("the endpoint '" + text + "' is not a URL: " + e.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw problem("the endpoint '" + text + "' is not an http:// or https:// URL");
            }
            if (uri.getHost() == null) {
                throw problem("the endpoint '" + text + "' names no host");
            }
            if (uri.getRawUserInfo() != null) {
                throw problem("the endpoint names a user; credentials belong in the secrets " + ACCESS_KEY_ID
                        + " and " + SECRET_ACCESS_KEY + ", not in the URL");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw problem("the endpoint '" + text + "' has a query or fragment; give only scheme, host and port");
            }
            return uri;
        }

        private boolean pathStyle(String text) {
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
            throw problem("path-style is '" + text + "'; it is true or false");
        }

        private String region(String region, String what) {
            if (!REGION.matcher(region).matches()) {
                throw problem(what + " '" + region + "' is not a region name such as eu-west-1");
            }
            return region;
        }

        private Optional<S3Credentials> credentials(String name, BiFunction<String, String, Optional<String>> secret) {
            Optional<String> id = secret.apply(name, ACCESS_KEY_ID).filter(s -> !s.isBlank());
            Optional<String> key = secret.apply(name, SECRET_ACCESS_KEY).filter(s -> !s.isBlank());
            if (id.isPresent() && key.isPresent()) {
                return Optional.of(new S3Credentials(id.get().strip(), key.get().strip()));
            }
            if (id.isPresent() || key.isPresent()) {
                throw problem("site " + name + " has " + (id.isPresent() ? ACCESS_KEY_ID : SECRET_ACCESS_KEY)
                        + " but no " + (id.isPresent() ? SECRET_ACCESS_KEY : ACCESS_KEY_ID) + "; give both, or"
                        + " neither to use the AWS default credentials chain");
            }
            return Optional.empty();
        }

        VaultException problem(String what) {
            return new VaultException(PROPERTY + ": entry " + number + " '" + shown(text) + "': " + what);
        }

        /** The entry as written, less its s3 parameters: whatever was put there stays out of messages and logs. */
        private static String shown(String text) {
            return text.replaceAll("\\?[^|]*", "?…");
        }
    }
}
