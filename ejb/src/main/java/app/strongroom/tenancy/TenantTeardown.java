package app.strongroom.tenancy;

import app.strongroom.backup.BackupCatalog;
import app.strongroom.catalog.TenantId;
import app.strongroom.files.FileStore;
import app.strongroom.keys.TenantKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Removes everything of a tenant, key first: once its key is gone from the catalog, the home location and every site
 * (a site that is down removes it when back), nothing of it that may be left anywhere can be decrypted
 * (crypto-shred). Then its files, backups, database and role, and its catalog row; its alarms are closed. Each step may be repeated, so a teardown interrupted by a crash is finished by the next one.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantTeardown {
    @EJB
    TenantKeys keys;
    @EJB
    BackupCatalog backups;
    @EJB
    TenantDatabases databases;
    @EJB
    TenantCatalog catalog;
    @Inject
    FileStore files;
    @EJB
    app.strongroom.sites.SiteReplication sites;
    @EJB
    app.strongroom.alarm.Alarms alarms;
    @EJB
    app.strongroom.restore.RestoreRuns restores;

    public void tearDown(TenantId tenant) {
        catalog.find(tenant).ifPresent(t -> alarms.clearAbout(t.slug().value(), java.time.Clock.systemUTC()));
        keys.destroy(tenant);
        sites.purgeEverywhere(tenant);
        files.destroyTenant(tenant);
        backups.forget(tenant);
        databases.destroy(tenant);
        restores.forget(tenant);
        catalog.remove(tenant);
    }
}
