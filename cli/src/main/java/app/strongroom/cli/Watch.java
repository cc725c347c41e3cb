package app.strongroom.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Follows an execution until it ends. On a terminal one line is redrawn in place; anywhere else (a pipe, a log, CI)
 * a line is written each time the state or progress changes, so a log shows the steps without a line per second.
 */
final class Watch {
    private final ApiClient api;
    private final PrintWriter out;
    private final boolean terminal;
    private final Duration interval;

    Watch(ApiClient api, PrintWriter out, boolean terminal, Duration interval) {
        this.api = api;
        this.out = out;
        this.terminal = terminal;
        this.interval = interval;
    }

    /** Watches execution {@code id} to its end; returns the exit code its final status means. */
    int until(long id) {
        String shown = null;
        int drawn = 0;
        while (true) {
            Json.Execution e = api.get("jobs/" + id, Json.Execution.class);
            if (terminal) {
                String line = ProgressLine.bar(e, Instant.now());
                out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
                drawn = line.length();
            } else {
                String line = ProgressLine.plain(e);
                if (!Objects.equals(line, shown)) {
                    out.println(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " " + line);
                    shown = line;
                }
            }
            out.flush();
            if (e.finished()) {
                if (terminal) {
                    out.println();
                }
                report(e);
                return ExitCodes.forFinalStatus(e.status());
            }
            pause();
        }
    }

    void report(Json.Execution e) {
        out.println(ProgressLine.summary(e));
        for (String failure : e.failures()) {
            out.println("  " + failure);
        }
        if (!"COMPLETED".equals(e.status()) && e.restartable()) {
            out.println("  restart it from its checkpoint with: jobs restart " + e.id());
        }
        out.flush();
    }

    private void pause() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.UNREACHABLE, "interrupted while watching");
        }
    }
}
