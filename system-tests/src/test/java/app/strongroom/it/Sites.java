package app.strongroom.it;

import app.strongroom.catalog.TenantId;
import app.strongroom.vault.site.Site;
import app.strongroom.vault.site.SiteSettings;
import app.strongroom.vault.site.SiteStore;
import app.strongroom.vault.site.StoredObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The three sites of the servers under test: two directories in Europe and the S3 server (Adobe S3Mock, a separate
 * process) in North America; and what the catalog records of the copies there.
 */
final class Sites {
    /**
     * How long a test waits for the sites: a bound, not a pause. A site's pass re-reads every copy it holds when asked
     * to verify, so late in a whole run (many tenants backed up by earlier classes, two cores) a pass that a new
     * backup waits behind can take minutes.
     */
    static final int WAIT_SECONDS = 600;

    static final String PARIS = "paris";
    static final String FRANKFURT = "frankfurt";
    static final String VIRGINIA = "virginia";
    static final String BUCKET = "strongroom-test";
    static final String ACCESS_KEY = "test-access-key";
    static final String SECRET_KEY = "test-secret-key-never-logged";

    private Sites() {
    }

    static String setting(int s3Port) {
        return String.join(",",
                PARIS + "|Europe|file:" + directory(PARIS) + "|eu-west-3",
                FRANKFURT + "|Europe|file:" + directory(FRANKFURT) + "|eu-central-1",
                VIRGINIA + "|North America|s3://" + BUCKET + "/copies?endpoint=http://127.0.0.1:" + s3Port
                        + "&region=us-east-1&path-style=true");
    }

    static Path directory(String site) {
        return TestPlatform.directory().resolve("sites").resolve(site);
    }

    /** The sites as the servers under test see them, for reading what they hold. */
    static List<Site> all() {
        return SiteSettings.parse(setting(TestPlatform.s3().endpoint().getPort()), (site, field) -> Optional.of(
                "access-key-id".equals(field) ? ACCESS_KEY : SECRET_KEY));
    }

    static Site site(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Every object a site holds under {@code prefix}, with its size. */
    static List<StoredObject> objects(String site, String prefix) {
        try (SiteStore store = site(site).open()) {
            return store.list(prefix);
        }
    }

    /** Everything each site holds of the tenant: site name to object keys. */
    static Map<String, List<String>> holdingsOf(TenantId tenant) {
        Map<String, List<String>> held = new TreeMap<>();
        for (Site site : all()) {
            held.put(site.name(), objects(site.name(), "tenants/" + tenant.value() + "/").stream()
                    .map(StoredObject::key).toList());
        }
        return held;
    }

    /** A copy as the catalog records it. */
    record Copy(String site, String state, String sha256, String failure) {
    }

    static List<Copy> copiesOf(UUID backup) {
        List<Copy> copies = new ArrayList<>();
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG); PreparedStatement s = c.prepareStatement(
                "select site, state, sha256, failure from site_copy where backup_id = ? order by site")) {
            s.setString(1, backup.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    copies.add(new Copy(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return copies;
    }

    static List<String> verifiedSites(UUID backup) {
        return copiesOf(backup).stream().filter(c -> "VERIFIED".equals(c.state())).map(Copy::site).toList();
    }

    static List<Copy> awaitVerifiedOn(UUID backup, List<String> sites) {
        // A pass after a server's start copies every tenant's key it has not copied yet: minutes on a slow S3 server.
        return Backups.await(java.time.Duration.ofSeconds(WAIT_SECONDS), () -> verifiedSites(backup).equals(sites)
                ? Optional.of(copiesOf(backup)) : Optional.empty());
    }

    static Optional<String> siteFailure(String site) {
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG); PreparedStatement s = c.prepareStatement(
                "select last_failure from site_state where site = ?")) {
            s.setString(1, site);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tenant's drills, newest first: ok (null while running), site, failure. */
    record Drill(Boolean ok, String site, String failure, UUID backup) {
    }

    static List<Drill> drillsOf(TenantId tenant) {
        List<Drill> drills = new ArrayList<>();
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG); PreparedStatement s = c.prepareStatement(
                "select ok, site, failure, backup_id from drill_run where tenant_id = ? order by started_at desc")) {
            s.setObject(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    drills.add(new Drill((Boolean) r.getObject(1), r.getString(2), r.getString(3),
                            r.getObject(4, UUID.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return drills;
    }

    /** Waits for the tenant's newest drill to finish (there are {@code count} of them by then) and returns it. */
    static Drill awaitDrill(TenantId tenant, int count) {
        return Backups.await(java.time.Duration.ofSeconds(90), () -> {
            List<Drill> drills = drillsOf(tenant);
            return drills.size() >= count && drills.get(0).ok() != null ? Optional.of(drills.get(0)) : Optional.empty();
        });
    }
}
