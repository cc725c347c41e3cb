package app.strongroom.tenant.access;

/** What a right grants and a record rule applies to. */
public enum Operation {
    READ, WRITE, CREATE, DELETE
}
