package app.strongroom.tenant.apikey;

/** Whether a key still opens the API. Only {@link #ACTIVE} does. */
public enum ApiKeyState {
    ACTIVE, EXPIRED, REVOKED
}
