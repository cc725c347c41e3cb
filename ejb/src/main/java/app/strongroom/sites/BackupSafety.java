package app.strongroom.sites;

import app.strongroom.backup.BackupCatalog;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.catalog.keys.TenantKey;
import app.strongroom.catalog.site.CopyKind;
import app.strongroom.catalog.site.SiteCopy;
import app.strongroom.catalog.site.Spread;
import app.strongroom.keys.TenantKeys;
import app.strongroom.vault.format.Digests;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a tenant's backups are safe (P7): a site counts for a backup when it holds a verified copy of the backup
 * and of the tenant's current key file (without which that copy cannot be read); a backup is safe on three such sites
 * on two continents.
 */
@Stateless
@PermitAll
public class BackupSafety {
    @EJB
    BackupCatalog backups;
    @EJB
    SiteCopies copies;
    @EJB
    TenantKeys keys;
    @Inject
    SiteRegistry sites;

    /** A good backup and where it is safely held. */
    public record Assessed(Backup backup, Spread spread, List<SiteCopy> copies) {
        public boolean isSafe() {
            return spread.isSafe();
        }
    }

    /** The tenant's good backups, newest first, each with its spread. */
    public List<Assessed> assess(TenantId tenant) {
        List<SiteCopy> all = copies.ofTenant(tenant);
        Optional<String> keySha = keys.find(tenant).map(BackupSafety::keyDigest);
        Set<String> sitesWithKey = all.stream()
                .filter(c -> c.kind() == CopyKind.KEY && keySha.isPresent() && c.holds(keySha.get()))
                .map(SiteCopy::site).collect(Collectors.toSet());
        Map<String, String> continents = sites.continents();
        return backups.good(tenant).stream().map(b -> {
            List<SiteCopy> ofBackup = all.stream().filter(c -> c.backup().filter(b.id()::equals).isPresent()).toList();
            List<String> holding = ofBackup.stream().filter(c -> c.holds(b.sha256().orElse(null)))
                    .map(SiteCopy::site).filter(sitesWithKey::contains).toList();
            return new Assessed(b, Spread.of(holding, continents), ofBackup);
        }).toList();
    }

    public Optional<Assessed> newestSafe(TenantId tenant) {
        return assess(tenant).stream().filter(Assessed::isSafe).findFirst();
    }

    /** The SHA-256 of the key file as every site holds it. */
    public static String keyDigest(TenantKey key) {
        return Digests.hex(Digests.sha256().digest(key.wrapped().toJson()));
    }
}
