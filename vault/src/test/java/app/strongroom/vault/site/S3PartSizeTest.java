package app.strongroom.vault.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3PartSizeTest {
    private static final long MIB = 1024L * 1024;

    @Test
    void partsGrowOnlyWhenTenThousandOfTheUsualSizeWouldNotHoldTheObject() {
        assertThat(S3SiteStore.partSizeFor(20 * MIB)).isEqualTo(S3SiteStore.PART_SIZE);
        assertThat(S3SiteStore.partSizeFor(10_000 * 8 * MIB)).isEqualTo(S3SiteStore.PART_SIZE);
        long hundredGib = 100 * 1024 * MIB;
        int part = S3SiteStore.partSizeFor(hundredGib);
        assertThat(part).isEqualTo(11 * MIB);
        assertThat((long) part * S3SiteStore.MAX_PARTS).isGreaterThanOrEqualTo(hundredGib);
        assertThat(S3SiteStore.partSizeFor(hundredGib)).as("the same for the same size, for the read-back").isEqualTo(part);
    }
}
