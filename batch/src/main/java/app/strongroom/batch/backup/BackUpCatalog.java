package app.strongroom.batch.backup;

import app.strongroom.backup.CatalogBackupService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Backs up the platform catalog after a run of every tenant (not after a single tenant's). */
@Named
@Dependent
public class BackUpCatalog extends AbstractBatchlet {
    @Inject
    @BatchProperty
    String tenant;
    @EJB
    CatalogBackupService catalog;

    @Override
    public String process() throws Exception {
        if (tenant != null && !tenant.isBlank()) {
            return "SKIPPED";
        }
        catalog.backUp();
        return "GOOD";
    }
}
