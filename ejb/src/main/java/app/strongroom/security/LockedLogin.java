package app.strongroom.security;

import java.time.Instant;

/** A login that is locked out right now, since a lock recorded in the audit trail. */
public record LockedLogin(String login, Instant lockedUntil, String lastAddress) {
}
