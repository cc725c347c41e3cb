package app.strongroom.tenant.security;

/** What a tenant security event records. */
public enum SecurityEventKind {
    ACCOUNT_LOCKED, ADDRESS_LOCKED, ACCOUNT_UNLOCKED, SETTINGS_CHANGED
}
