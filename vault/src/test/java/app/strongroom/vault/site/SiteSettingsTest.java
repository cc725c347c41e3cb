package app.strongroom.vault.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.vault.VaultException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteSettingsTest {
    private static final BiFunction<String, String, Optional<String>> NO_SECRETS = (site, name) -> Optional.empty();

    private static BiFunction<String, String, Optional<String>> secrets(Map<String, String> values) {
        return (site, name) -> Optional.ofNullable(values.get(site + "." + name));
    }

    @Test
    void directoryAndBucketSitesAreRead() {
        List<Site> sites = SiteSettings.parse(" lisbon|Europe|file:/srv/backups ,"
                        + "virginia|North America|s3://strongroom-backups?region=us-east-1,\n"
                        + "paris|europe|s3://backups/strongroom/prod/?endpoint=https://s3.example.net:9000"
                        + "&region=fr-par&path-style=true|paris-dc2,"
                        + "vault-7|Asia|file:///mnt/vault7|ap-south",
                secrets(Map.of("paris.access-key-id", "AKID", "paris.secret-access-key", "s3cr3t")));

        assertThat(sites).extracting(Site::name).containsExactly("lisbon", "virginia", "paris", "vault-7");
        assertThat(sites.get(0)).isEqualTo(new Site("lisbon", "Europe", "lisbon",
                new DirectorySiteLocation(Path.of("/srv/backups"))));
        assertThat(sites.get(1)).isEqualTo(new Site("virginia", "North America", "us-east-1",
                new S3SiteLocation(Optional.empty(), "strongroom-backups", "", "us-east-1", false, Optional.empty())));
        assertThat(sites.get(2)).isEqualTo(new Site("paris", "europe", "paris-dc2",
                new S3SiteLocation(Optional.of(URI.create("https://s3.example.net:9000")), "backups",
                        "strongroom/prod", "fr-par", true, Optional.of(new S3Credentials("AKID", "s3cr3t")))));
        assertThat(sites.get(3).region()).isEqualTo("ap-south");
        assertThat(sites.get(3).location()).isEqualTo(new DirectorySiteLocation(Path.of("/mnt/vault7")));
    }

    @Test
    void aSecretNeverShowsInADescription() {
        Site paris = SiteSettings.parse("paris|Europe|s3://b-1/p?endpoint=http://127.0.0.1:9000&region=us-east-1",
                secrets(Map.of("paris.access-key-id", "AKID", "paris.secret-access-key", "s3cr3t"))).get(0);
        assertThat(paris.location().describe())
                .isEqualTo("s3://b-1/p at http://127.0.0.1:9000 (region us-east-1, configured credentials)")
                .doesNotContain("s3cr3t");
        assertThat(paris.toString()).doesNotContain("s3cr3t");
        assertThat(((S3SiteLocation) paris.location()).credentials().orElseThrow().toString()).doesNotContain("s3cr3t");
        assertThat(SiteSettings.parse("v|NA|s3://bucket?region=eu-west-1", NO_SECRETS).get(0).location().describe())
                .isEqualTo("s3://bucket at https://s3.eu-west-1.amazonaws.com (region eu-west-1, default AWS credentials)");
    }

    @Test
    void anEmptySettingNamesNoSites() {
        assertThat(SiteSettings.parse(null, NO_SECRETS)).isEmpty();
        assertThat(SiteSettings.parse("  ", NO_SECRETS)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "lisbon|Europe;                                 entry 1 'lisbon|Europe': it has 2 fields",
        "lisbon|Europe|file:/a|r|x;                     it has 5 fields",
        "Lisbon|Europe|file:/a;                         the name 'Lisbon' is not 1 to 40 characters",
        "|Europe|file:/a;                               the name '' is not",
        "a-very-long-name-that-goes-on-and-on-and-on|E|file:/a; is not 1 to 40 characters",
        "lisbon| |file:/a;                              the continent (2nd field) is empty",
        "lisbon|Europe|file:/a| ;                       the region (4th field) '' is not a region name",
        "lisbon|Europe|/srv/backups;                    the location (3rd field) '/srv/backups' is neither",
        "lisbon|Europe|ftp://host/x;                    is neither file:/absolute/path nor s3://",
        "lisbon|Europe|file:relative/path;              'file:relative/path' is not an absolute path",
        "lisbon|Europe|file://host/srv;                 names a host",
        "v|NA|s3://bucket;                              has no region",
        "v|NA|s3://bucket/p?endpoint=http://h:9000;     has no region",
        "v|NA|s3://Bucket_1?region=us-east-1;           'Bucket_1' is not a bucket name",
        "v|NA|s3://?region=us-east-1;                   '' is not a bucket name",
        "v|NA|s3://bucket/a/../b?region=us-east-1;      has a '..' segment",
        "v|NA|s3://bucket/a//b?region=us-east-1;        has an empty segment",
        "v|NA|s3://bucket?regoin=us-east-1;             unknown parameter 'regoin'",
        "v|NA|s3://bucket?region=;                      the s3 location's parameter region has no value",
        "v|NA|s3://bucket?region=a&region=b;            gives the parameter region twice",
        "v|NA|s3://bucket?region=eu west;               the region parameter 'eu west' is not a region name",
        "v|NA|s3://bucket?region=r&path-style=yes;      path-style is 'yes'; it is true or false",
        "v|NA|s3://bucket?region=r&endpoint=ftp://h;    the endpoint 'ftp://h' is not an http:// or https:// URL",
        "v|NA|s3://bucket?region=r&endpoint=h:9000;     the endpoint 'h:9000' is not an http:// or https:// URL",
        "v|NA|s3://bucket?region=r&endpoint=https://;   the endpoint 'https://' is not a URL",
        "v|NA|s3://bucket?region=r&endpoint=http://u:p@h; the endpoint names a user",
        "v|NA|s3://bucket?region=r&endpoint=http://h?x=1; give only scheme, host and port",
        "a|E|file:/a,b|E|file:/b,a|NA|file:/c;          entry 3 'a|NA|file:/c': the name a is given to an earlier entry too",
    })
    void everyMistakeIsNamed(String setting, String message) {
        assertThatThrownBy(() -> SiteSettings.parse(setting, NO_SECRETS))
                .isInstanceOf(VaultException.class)
                .hasMessageStartingWith("strongroom.backup.sites: entry ")
                .hasMessageContaining(message);
    }

    @Test
    void parametersStayOutOfMessages() {
        assertThatThrownBy(() -> SiteSettings.parse("v|NA|s3://bucket?region=r&secret=hunter2", NO_SECRETS))
                .hasMessage("strongroom.backup.sites: entry 1 'v|NA|s3://bucket?…': the s3 location has an unknown"
                        + " parameter 'secret'; the known ones are endpoint, region and path-style");
    }

    @Test
    void anAccessKeyNeedsBothHalves() {
        String setting = "paris|Europe|s3://bucket?region=eu-west-3";
        assertThatThrownBy(() -> SiteSettings.parse(setting, secrets(Map.of("paris.access-key-id", "AKID"))))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("site paris has access-key-id but no secret-access-key; give both, or neither to"
                        + " use the AWS default credentials chain");
        assertThatThrownBy(() -> SiteSettings.parse(setting, secrets(Map.of("paris.secret-access-key", "s3cr3t"))))
                .hasMessageContaining("site paris has secret-access-key but no access-key-id")
                .hasMessageNotContaining("s3cr3t");
        assertThat(SiteSettings.parse(setting, NO_SECRETS).get(0).location())
                .isInstanceOfSatisfying(S3SiteLocation.class, s3 -> assertThat(s3.credentials()).isEmpty());
    }

    @Test
    void threeSitesOnTwoContinentsAreEnough() {
        SiteSettings.requireSpread(SiteSettings.parse(
                "a|Europe|file:/a,b| europe |file:/b,c|North America|file:/c", NO_SECRETS));
    }

    @Test
    void fewerSitesOrOneContinentAreRefused() {
        assertThatThrownBy(() -> SiteSettings.requireSpread(SiteSettings.parse(
                "a|Europe|file:/a,b|EUROPE|file:/b", NO_SECRETS)))
                .isInstanceOf(VaultException.class)
                .hasMessage("strongroom.backup.sites names 2 sites; at least 3 are needed, on at least 2 continents"
                        + " (found: Europe)");
        assertThatThrownBy(() -> SiteSettings.requireSpread(SiteSettings.parse(
                "a|Europe|file:/a,b|Asia|file:/b", NO_SECRETS)))
                .hasMessage("strongroom.backup.sites names 2 sites; at least 3 are needed, on at least 2 continents"
                        + " (found: Europe, Asia)");
        assertThatThrownBy(() -> SiteSettings.requireSpread(SiteSettings.parse(
                "a|Europe|file:/a,b|europe|file:/b,c| Europe|file:/c", NO_SECRETS)))
                .hasMessage("strongroom.backup.sites names 3 sites, all on one continent; at least 3 are needed, on"
                        + " at least 2 continents (found: Europe)");
        assertThatThrownBy(() -> SiteSettings.requireSpread(List.of()))
                .hasMessage("strongroom.backup.sites names no sites; at least 3 are needed, on at least 2 continents"
                        + " (found: none)");
    }

    @Test
    void sitesInOnePlaceOrOnNoContinentDoNotCountAsSpread() {
        assertThatThrownBy(() -> SiteSettings.requireSpread(SiteSettings.parse(
                "a|Europe|file:/data/a,b|Europe|file:/data/a/inside,c|Asia|file:/c", NO_SECRETS)))
                .hasMessageContaining("sites a and b keep their copies in the same place");
        assertThatThrownBy(() -> SiteSettings.requireSpread(SiteSettings.parse(
                "a|Europe|s3://bucket/x?region=eu-west-1,b|Europe|s3://bucket/x/y?region=eu-west-1,"
                        + "c|Asia|file:/c", NO_SECRETS)))
                .hasMessageContaining("sites a and b keep their copies in the same place");
        SiteSettings.requireSpread(SiteSettings.parse("a|Europe|s3://bucket/x?region=eu-west-1,"
                + "b|Europe|s3://bucket/xy?region=eu-west-1,c|Asia|file:/c", NO_SECRETS));
        assertThatThrownBy(() -> SiteSettings.requireSpread(SiteSettings.parse(
                "a|Europe|file:/a,b|EU|file:/b,c|Asia|file:/c", NO_SECRETS)))
                .hasMessageContaining("site b is on \"EU\", which is not a continent");
    }
}
