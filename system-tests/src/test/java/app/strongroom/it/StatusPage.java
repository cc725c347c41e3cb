package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the figures of the staff status page (the server's own counters) for a signed-in staff client. */
final class StatusPage {
    private StatusPage() {
    }

    /** {@code derivations}, {@code lockedRefusals}, {@code lockedRefusalNanos}, {@code units}. */
    static long figure(FacesClient operator, String id) {
        // People read the total refusal time in milliseconds; the exact count rides along as data-nanos.
        Pattern figure = "lockedRefusalNanos".equals(id) ? Pattern.compile("data-nanos=\"(\\d+)\"")
                : Pattern.compile("id=\"" + id + "\">(\\d+)<");
        Matcher m = figure.matcher(operator.get("staff/status.xhtml").body());
        assertThat(m.find()).as("the status page shows " + id).isTrue();
        return Long.parseLong(m.group(1));
    }
}
