package app.strongroom.jobs;

import java.util.Arrays;
import java.util.Optional;

/** The platform's batch jobs, each named as its job XML is ({@code META-INF/batch-jobs/<name>.xml}). */
public enum JobName {
    BACKUP("backup", true),
    RETENTION("retention", true),
    REPLICATION("replication", true),
    DRILL("drill", true),
    /** Listed and watched like the others, but started only by the restore use case, which checks its own rules. */
    RESTORE("restore", false);

    private final String xmlName;
    private final boolean startableByStaff;

    JobName(String xmlName, boolean startableByStaff) {
        this.xmlName = xmlName;
        this.startableByStaff = startableByStaff;
    }

    public String xmlName() {
        return xmlName;
    }

    /** Whether the console may start it (for every tenant, or one). */
    public boolean startableByStaff() {
        return startableByStaff;
    }

    public static Optional<JobName> of(String xmlName) {
        return Arrays.stream(values()).filter(job -> job.xmlName.equals(xmlName)).findFirst();
    }
}
