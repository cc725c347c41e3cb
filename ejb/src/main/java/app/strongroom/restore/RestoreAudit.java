package app.strongroom.restore;

import app.strongroom.catalog.restore.RestoreRun;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A restore's entry in its tenant's audit trail, where the tenant's administrator sees who restored what and why. */
final class RestoreAudit {
    private static final Logger LOG = Logger.getLogger(RestoreAudit.class.getName());

    private RestoreAudit() {
    }

    /** Best effort: the catalog keeps the restore's record whatever happens here. */
    static void record(TenantUnits units, RestoreRun run, SecurityEventKind kind, String detail) {
        try {
            units.inTransaction(run.tenant(), em -> {
                em.persist(new SecurityEvent(kind, null, null, "helpdesk " + run.requestedBy(),
                        app.strongroom.common.Reasons.fit(detail, "", 500)));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "restore " + run.id() + " could not be written to the tenant's audit trail", e);
        }
    }
}
