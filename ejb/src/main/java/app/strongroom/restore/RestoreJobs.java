package app.strongroom.restore;

import jakarta.annotation.security.PermitAll;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Properties;
import java.util.UUID;

/** Starts the restore job (job XML in the batch module) for one recorded restore, so the batch console shows it. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RestoreJobs {
    public static final String RESTORE = "restore";

    public long start(UUID restore) {
        Properties parameters = new Properties();
        parameters.setProperty("restore", restore.toString());
        return BatchRuntime.getJobOperator().start(RESTORE, parameters);
    }
}
