package app.strongroom.backup;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.catalog.backup.BackupState;
import app.strongroom.catalog.backup.Retention;
import app.strongroom.vault.location.DirectoryLocation;
import app.strongroom.vault.location.StoredBackup;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the 7/4/3 retention to one tenant's good backups. It never runs on top of a failure: when the tenant's
 * newest backup attempt failed or one is still running, it does nothing and says why. Pinned backups are kept outside
 * the rules. Deleting removes the file first, then records the backup as deleted.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionService {
    @EJB
    BackupCatalog backups;
    @Inject
    BackupLocations locations;

    public RetentionReport apply(TenantId tenant, boolean dryRun) {
        List<Backup> attempts = backups.of(tenant);
        Optional<Backup> newest = attempts.stream().findFirst();
        if (newest.isPresent() && newest.get().state() == BackupState.FAILED) {
            return skipped(dryRun, "the newest backup failed: " + newest.get().failure().orElse("no reason"));
        }
        if (attempts.stream().anyMatch(b -> b.state() == BackupState.RUNNING)) {
            return skipped(dryRun, "a backup is running");
        }
        List<Backup> good = attempts.stream().filter(Backup::isGood).toList();
        Retention.Decision<Backup> decision = Retention.STANDARD.decide(good.stream()
                .map(b -> new Retention.Candidate<>(b, b.startedAt(), b.isPinned())).toList());
        if (!dryRun) {
            DirectoryLocation home = locations.home();
            for (Backup doomed : decision.deleted()) {
                String owner = tenant.value().toString();
                home.delete(new StoredBackup(owner, doomed.name(), home.backup(owner, doomed.name()), 0));
                backups.markDeleted(doomed.id());
            }
        }
        Map<java.util.UUID, Retention.Rule> kept = new java.util.LinkedHashMap<>();
        decision.kept().forEach((b, rule) -> kept.put(b.id(), rule));
        return new RetentionReport(kept, decision.deleted().stream().map(Backup::id).toList(), dryRun, null);
    }

    private static RetentionReport skipped(boolean dryRun, String why) {
        return new RetentionReport(Map.of(), List.of(), dryRun, why);
    }
}
