package app.strongroom.catalog;

/** What a platform staff member does (SPEC: helpdesk handles tickets and restores, operator runs jobs and failover). */
public enum StaffRole {
    OPERATOR, HELPDESK
}
