package app.strongroom.catalog;

/** Subscription plan; it orders disaster recovery (paid tenants are restored first, P11). */
public enum Plan {
    FREE, PAID
}
