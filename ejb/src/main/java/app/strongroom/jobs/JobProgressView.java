package app.strongroom.jobs;

/**
 * How far a job execution has come: {@code tenantsDone} of {@code tenantsTotal} units of work (tenants; for the
 * replication job, objects to copy) and the bytes written or copied so far.
 */
public record JobProgressView(long tenantsDone, long tenantsTotal, long bytes) {
    public JobProgressView {
        if (tenantsDone < 0 || tenantsTotal < 0 || bytes < 0) {
            throw new IllegalArgumentException("progress cannot be negative: " + tenantsDone + "/" + tenantsTotal
                    + ", " + bytes + " bytes");
        }
    }

    /** Whole percent done, 0 to 100; 0 while the total is not known yet. Never more than 100, never done early. */
    public int percent() {
        if (tenantsTotal == 0) {
            return 0;
        }
        long done = Math.min(tenantsDone, tenantsTotal);
        if (done == tenantsTotal) {
            return 100;
        }
        long whole = done <= Long.MAX_VALUE / 100 ? done * 100 / tenantsTotal : done / (tenantsTotal / 100);
        return (int) Math.min(99, whole);
    }
}
