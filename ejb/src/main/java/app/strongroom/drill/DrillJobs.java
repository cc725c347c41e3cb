package app.strongroom.drill;

import app.strongroom.catalog.TenantId;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.Properties;

/** Starts the drill job (job XML in the batch module): every active tenant, or one, from the site of the day or a named one. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DrillJobs {
    public static final String DRILL = "drill";

    public long start(Optional<TenantId> tenant, Optional<String> site) {
        Properties parameters = new Properties();
        tenant.ifPresent(t -> parameters.setProperty("tenant", t.value().toString()));
        site.ifPresent(s -> parameters.setProperty("site", s));
        return BatchRuntime.getJobOperator().start(DRILL, parameters);
    }
}
