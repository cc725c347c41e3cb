package app.strongroom.catalog.restore;

/** A restore's progress; DONE and FAILED are final. */
public enum RestoreState {
    REQUESTED, RUNNING, DONE, FAILED;

    public boolean isFinished() {
        return this == DONE || this == FAILED;
    }
}
