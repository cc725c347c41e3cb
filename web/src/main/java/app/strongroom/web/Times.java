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
        if (when instanceof java.util.Optional<?> maybe) {
            return maybe.map(this::minute).orElse("");
        }
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

    /** How long ago, in the largest unit that fits: "5 min", "3 h", "2 d"; empty for nothing. */
    public String age(Object when) {
        if (when instanceof java.util.Optional<?> maybe) {
            return maybe.map(this::age).orElse("");
        }
        Instant instant = when instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) when;
        java.time.Duration age = java.time.Duration.between(instant, Instant.now());
        if (age.toMinutes() < 60) {
            return Math.max(0, age.toMinutes()) + " min";
        }
        return age.toHours() < 48 ? age.toHours() + " h" : age.toDays() + " d";
    }

    /** The viewer's zone as column headings name it ("Europe/Paris"). */
    public String zoneName() {
        return ZoneOffset.UTC.equals(viewer.getTimeZone()) ? "UTC" : viewer.getTimeZone().getId();
    }
}
