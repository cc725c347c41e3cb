package app.strongroom.download;

import java.time.Instant;

/** The company's live download that is running: since when and by whom. */
public record RunningLive(Instant since, String login) {
}
