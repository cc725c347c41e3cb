package app.strongroom.backup;

/** What one tenant's backup in a run came to. */
public sealed interface BackupOutcome {
    /** Written, checked and recorded. */
    record Good(java.util.UUID backup, long size) implements BackupOutcome {
    }

    /** This run had made it already (a resumed run). */
    record AlreadyDone(java.util.UUID backup) implements BackupOutcome {
    }

    /** Not made; nothing of it is kept; {@code reason} is recorded. */
    record Failed(String reason) implements BackupOutcome {
    }

    /** Not attempted: the tenant was deleted, or began to be, after the run listed it. Nothing to back up, no failure. */
    record NotActive(String why) implements BackupOutcome {
    }
}
