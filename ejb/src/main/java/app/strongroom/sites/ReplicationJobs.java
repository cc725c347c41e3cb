package app.strongroom.sites;

import jakarta.annotation.security.PermitAll;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Properties;

/**
 * Starts the replication job (job XML in the batch module): one pass per site, the sites in parallel. Platform-internal:
 * the schedule's catch-up, and staff services that check their callers' roles themselves.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReplicationJobs {
    public static final String REPLICATION = "replication";

    /**
     * Passes over {@code sites} (every site when empty); with {@code reverify}, every copy is read back again and
     * one that no longer matches is replaced. Returns the job execution id.
     */
    public long start(List<String> sites, boolean reverify) {
        Properties parameters = new Properties();
        if (!sites.isEmpty()) {
            parameters.setProperty("sites", String.join(",", sites));
        }
        parameters.setProperty("reverify", Boolean.toString(reverify));
        return BatchRuntime.getJobOperator().start(REPLICATION, parameters);
    }
}
