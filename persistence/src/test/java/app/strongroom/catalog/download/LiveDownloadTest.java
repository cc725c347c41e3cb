package app.strongroom.catalog.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveDownloadTest {
    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aDownloadHoldsItsCompanyForOneLeaseUnlessRenewed() {
        LiveDownload download = new LiveDownload(TenantId.random(), "host/instance/download", "anna", "203.0.113.9",
                now);
        assertThat(download.isRunning(now)).isTrue();
        assertThat(download.isRunning(now.plus(LiveDownload.LEASE).minusMillis(1))).isTrue();
        assertThat(download.isRunning(now.plus(LiveDownload.LEASE))).as("its server died: it holds nobody").isFalse();
        assertThat(LiveDownload.RENEW_EVERY.multipliedBy(3)).as("renewed several times within one lease")
                .isLessThan(LiveDownload.LEASE);
    }

    @Test
    void aDownloadNamesItsHolderAndWhoStartedIt() {
        assertThatThrownBy(() -> new LiveDownload(TenantId.random(), "", "anna", null, now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LiveDownload(TenantId.random(), "host/x", " ", null, now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LiveDownload(null, "host/x", "anna", null, now))
                .isInstanceOf(RuntimeException.class);
    }
}
