package app.strongroom.web;

import jakarta.servlet.http.HttpSession;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The time zone of the person looking, as their browser reported it on the sign-in form, so pages show times as the
 * viewer's clock does. UTC until one is known, or when the browser sent something that is no zone.
 */
public final class ViewerTimeZone {
    private static final String KEY = ViewerTimeZone.class.getName();

    private ViewerTimeZone() {
    }

    public static void keep(HttpSession session, String reported) {
        parse(reported).ifPresent(zone -> session.setAttribute(KEY, zone.getId()));
    }

    public static ZoneId of(HttpSession session) {
        return session == null ? ZoneOffset.UTC
                : parse((String) session.getAttribute(KEY)).orElse(ZoneOffset.UTC);
    }

    static Optional<ZoneId> parse(String reported) {
        if (reported == null || reported.isBlank() || reported.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(reported));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }
}
