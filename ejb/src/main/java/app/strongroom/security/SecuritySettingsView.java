package app.strongroom.security;

/** The tenant's security settings as the settings page shows them. */
public record SecuritySettingsView(int lockAfterFailures, int cooldownSeconds, int minPasswordLength, long version) {
}
