package app.strongroom.tenant.user;

/** Where a user account stands: invited (no password chosen yet), active, or deactivated by an administrator. */
public enum UserStatus {
    INVITED, ACTIVE, DEACTIVATED
}
