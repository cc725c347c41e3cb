package app.strongroom.download;

import app.strongroom.catalog.TenantSlug;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** File names of downloads: the company's short name and the backup's UTC time, so a folder of them sorts by time. */
final class DownloadNames {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private DownloadNames() {
    }

    static String kept(TenantSlug slug, Instant madeAt) {
        return slug.value() + "-backup-" + TIME.format(madeAt) + ".zip";
    }

    static String live(TenantSlug slug, Instant at) {
        return slug.value() + "-live-" + TIME.format(at) + ".zip";
    }

    /** The time as the audit trail names it. */
    static String utc(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
