package app.strongroom.security;

import java.time.OffsetDateTime;

/** One audit trail entry as pages show it. */
public record SecurityEventView(OffsetDateTime occurredAt, String kind, String login, String clientAddress, String actor,
                                String detail) {
}
