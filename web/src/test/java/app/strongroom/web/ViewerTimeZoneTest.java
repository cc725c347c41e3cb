package app.strongroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ViewerTimeZoneTest {
    @Test
    void aZoneTheBrowserNamesIsTaken() {
        assertThat(ViewerTimeZone.parse("Asia/Tokyo")).hasValue(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void anythingElseIsIgnored() {
        assertThat(ViewerTimeZone.parse("Mars/Olympus")).isEmpty();
        assertThat(ViewerTimeZone.parse("")).isEmpty();
        assertThat(ViewerTimeZone.parse(null)).isEmpty();
        assertThat(ViewerTimeZone.parse("Europe/" + "x".repeat(80))).isEmpty();
    }
}
