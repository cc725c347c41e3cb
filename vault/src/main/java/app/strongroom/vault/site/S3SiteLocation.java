package app.strongroom.vault.site;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A site in an S3-compatible bucket. Without an {@code endpoint} it is AWS S3 itself; {@code prefix} (possibly empty,
 * without leading or trailing '/') is put before every object key; {@code pathStyle} addresses the bucket in the path
 * rather than in the host name, as most self-hosted services need. Without {@code credentials} the AWS default
 * credentials chain (environment, profile files, instance role) supplies them.
 */
public record S3SiteLocation(Optional<URI> endpoint, String bucket, String prefix, String region, boolean pathStyle,
                             Optional<S3Credentials> credentials) implements SiteLocation {
    public S3SiteLocation {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        prefix = prefix == null ? "" : SiteKeys.prefixOfSite(prefix);
    }

    @Override
    public SiteStore open(String siteName) {
        return new S3SiteStore(siteName, this);
    }

    /** The service's address, for saying which one cannot be reached. */
    public String endpointText() {
        return endpoint.map(URI::toString).orElse("https://s3." + region + ".amazonaws.com");
    }

    @Override
    public String describe() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + " at " + endpointText()
                + " (region " + region + (pathStyle ? ", path-style" : "") + ", "
                + credentials.map(c -> "configured credentials").orElse("default AWS credentials") + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
