package app.strongroom.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** One execution's state as one line: with a bar for a terminal, plain for a log. */
final class ProgressLine {
    static final int BAR_WIDTH = 30;

    private ProgressLine() {
    }

    /** {@code execution 42 backup STARTED [#########.....................]  30%  3/10 tenants  12.0 MiB  0m 42s}. */
    static String bar(Json.Execution e, Instant now) {
        StringBuilder line = new StringBuilder(head(e)).append(' ');
        Json.Progress p = e.progress();
        int percent = p == null ? 0 : Math.max(0, Math.min(100, p.percent()));
        int filled = percent * BAR_WIDTH / 100;
        line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                .append(String.format(Locale.ROOT, "%3d%%", percent));
        counts(line, p);
        if (e.started() != null) {
            line.append("  ").append(Text.duration(Duration.between(e.started(), e.ended() != null ? e.ended() : now)));
        }
        return line.toString();
    }

    /** {@code execution 42 backup STARTED 3/10 tenants 12.0 MiB}: what changes, and nothing that changes every second. */
    static String plain(Json.Execution e) {
        StringBuilder line = new StringBuilder(head(e));
        counts(line, e.progress());
        return line.toString();
    }

    /** The final word on an ended execution. */
    static String summary(Json.Execution e) {
        StringBuilder line = new StringBuilder("execution ").append(e.id()).append(' ').append(e.job()).append(' ')
                .append(e.status());
        if (e.durationSeconds() != null) {
            line.append(" after ").append(Text.duration(Duration.ofSeconds(e.durationSeconds())));
        }
        counts(line, e.progress());
        return line.toString();
    }

    private static String head(Json.Execution e) {
        return "execution " + e.id() + " " + e.job() + " " + e.status();
    }

    private static void counts(StringBuilder line, Json.Progress p) {
        if (p != null) {
            line.append("  ").append(p.tenantsDone()).append('/').append(p.tenantsTotal()).append(" tenants  ")
                    .append(Text.bytes(p.bytes()));
        }
    }
}
