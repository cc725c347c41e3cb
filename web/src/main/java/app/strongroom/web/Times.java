package app.strongroom.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Locale;

/** Shows instants as the viewer's clock does, to the minute: {@code #{times.minute(row.createdAt)}}. */
@Named
@RequestScoped
public class Times {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Inject
    CurrentUser viewer;

    public String minute(Object when) {
        Instant instant;
        if (when instanceof OffsetDateTime offset) {
            instant = offset.toInstant();
        } else if (when instanceof Instant plain) {
            instant = plain;
        } else {
            return "";
        }
        return MINUTE.format(instant.atZone(viewer.getTimeZone()));
    }

    /** The viewer's zone as column headings name it ("Europe/Paris"). */
    public String zoneName() {
        return ZoneOffset.UTC.equals(viewer.getTimeZone()) ? "UTC" : viewer.getTimeZone().getId();
    }
}
