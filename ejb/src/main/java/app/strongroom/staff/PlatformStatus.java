package app.strongroom.staff;

/** Figures the operators watch: PBKDF2 derivations computed by this instance, and its open tenant units. */
public record PlatformStatus(long passwordDerivations, int openTenantUnits) {
}
