package app.strongroom.staff;

/**
 * Figures the operators watch, for this instance: PBKDF2 derivations computed, open tenant units, and the sign-ins
 * refused because of a lock with the total time the service spent refusing them.
 */
public record PlatformStatus(long passwordDerivations, int openTenantUnits, long lockedRefusals,
                             long lockedRefusalNanos) {
    /** Mean service time of a locked refusal in microseconds; 0 before the first. */
    public long lockedRefusalMicros() {
        return lockedRefusals == 0 ? 0 : lockedRefusalNanos / lockedRefusals / 1000;
    }
}
