package app.strongroom.security;

/** Result of changing the security settings. */
public sealed interface SettingsChange {
    record Saved() implements SettingsChange {
    }

    /** Another administrator saved meanwhile; nothing was written. */
    record Stale() implements SettingsChange {
    }

    /** A value out of range; the message names the field. */
    record Refused(String reason) implements SettingsChange {
    }
}
