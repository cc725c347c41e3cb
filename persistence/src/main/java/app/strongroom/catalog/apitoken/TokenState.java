package app.strongroom.catalog.apitoken;

/** Whether a staff API token still opens the API. Only {@link #ACTIVE} does. */
public enum TokenState {
    ACTIVE, EXPIRED, REVOKED
}
