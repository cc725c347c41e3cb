package app.strongroom.catalog.alarm;

/** What an alarm is about. */
public enum AlarmKind {
    /** A tenant's newest safe backup is older than the recovery point objective (P11). */
    RECOVERY_POINT_MISSED,
    /** A tenant's restore drill failed (P11). */
    DRILL_FAILED
}
