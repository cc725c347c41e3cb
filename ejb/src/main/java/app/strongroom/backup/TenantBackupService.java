package app.strongroom.backup;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.keys.TenantKeys;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.vault.format.BackupBinding;
import app.strongroom.vault.format.BackupWriter;
import app.strongroom.vault.format.Digests;
import app.strongroom.vault.format.Sealed;
import app.strongroom.vault.keys.TenantKeyset;
import app.strongroom.vault.location.DirectoryLocation;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backs up one tenant: its {@link TenantSnapshot}, streamed through the backup format encrypted with the tenant's key
 * into the home location under a temporary name, the written file's digest checked against what was written, then
 * renamed and recorded as good. Any failure leaves no file and a recorded reason. Memory stays bounded by segment
 * and buffer sizes whatever the tenant's size.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantBackupService {
    private static final Logger LOG = Logger.getLogger(TenantBackupService.class.getName());
    private static final int BUFFER = 1 << 20;

    @Inject
    BackupLocations locations;
    @Inject
    TenantSnapshot snapshot;
    @EJB
    TenantCatalog tenants;
    @EJB
    TenantKeys keys;
    @EJB
    BackupCatalog backups;

    public BackupOutcome backUp(TenantId tenantId, String runKey) {
        return backUp(tenantId, runKey, app.strongroom.jobs.ProgressSink.NONE, false);
    }

    /** As {@link #backUp(TenantId, String)}, telling {@code progress} the bytes written as they are written. */
    public BackupOutcome backUp(TenantId tenantId, String runKey, app.strongroom.jobs.ProgressSink progress) {
        return backUp(tenantId, runKey, progress, false);
    }

    /**
     * The backup a live restore takes of the database it is about to replace, while the tenant is held in maintenance
     * so that nothing written before the restore is missing from it.
     */
    public BackupOutcome backUpBeforeRestore(TenantId tenantId, String runKey) {
        return backUp(tenantId, runKey, app.strongroom.jobs.ProgressSink.NONE, true);
    }

    private BackupOutcome backUp(TenantId tenantId, String runKey, app.strongroom.jobs.ProgressSink progress,
            boolean inMaintenance) {
        var done = backups.goodInRun(tenantId, runKey);
        if (done.isPresent()) {
            return new BackupOutcome.AlreadyDone(done.get().id());
        }
        var expected = inMaintenance ? app.strongroom.catalog.TenantStatus.MAINTENANCE
                : app.strongroom.catalog.TenantStatus.ACTIVE;
        if (tenants.find(tenantId).filter(t -> t.status() == expected).isEmpty()) {
            return new BackupOutcome.NotActive("tenant " + tenantId + " is not active (deleted or being deleted)");
        }
        Backup backup = backups.start(tenantId, runKey);
        DirectoryLocation home = locations.home();
        String tenantText = tenantId.value().toString();
        Path partial = home.partialBackup(tenantText, backup.name());
        try {
            Tenant tenant = tenants.get(tenantId);
            TenantKeyset keyset = keys.keyset(tenantId);
            home.prepareFor(partial);
            Sealed sealed = write(tenant, keyset, backup, partial, progress);
            String onDisk;
            try (InputStream written = Files.newInputStream(partial)) {
                onDisk = Digests.sha256Of(written);
            }
            if (!onDisk.equals(sealed.ciphertextSha256()) || Files.size(partial) != sealed.ciphertextSize()) {
                throw new IOException("the file on disk does not match what was written (digest or size differs)");
            }
            home.complete(partial, home.backup(tenantText, backup.name()));
            backups.succeed(backup.id(), sealed.ciphertextSize(), sealed.ciphertextSha256(), keyset.primaryKeyId(),
                    sealed.manifest().schemaVersion());
            return new BackupOutcome.Good(backup.id(), sealed.ciphertextSize());
        } catch (Exception e) {
            deleteQuietly(partial);
            String reason = reason(e);
            LOG.log(Level.WARNING, "backup of tenant " + tenantId + " failed: " + reason, e);
            backups.fail(backup.id(), reason);
            return new BackupOutcome.Failed(reason);
        }
    }

    private Sealed write(Tenant tenant, TenantKeyset keyset, Backup backup, Path partial,
                         app.strongroom.jobs.ProgressSink progress) throws IOException, SQLException {
        try (OutputStream disk = new BufferedOutputStream(new app.strongroom.jobs.CountingOutputStream(
                Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW), progress), BUFFER);
             BackupWriter writer = BackupWriter.open(disk, keyset.streamingAead(),
                     BackupBinding.tenantBackup(tenant.id().value().toString(), backup.id().toString()))) {
            return snapshot.write(tenant, writer, backup.id().toString(), backup.startedAt());
        }
    }

    /** A reason a person can act on: the innermost message, with the kind of failure when the message is terse. */
    public static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String inner = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof java.nio.file.AccessDeniedException) {
            return "the backup location cannot be written (permission denied): " + inner;
        }
        if (inner.contains("No space left on device")) {
            return "the backup location is full: " + inner;
        }
        return root == e || top.contains(inner) ? top : top + " (" + inner + ")";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The failure being recorded matters more than a leftover file, which the start-up sweep removes anyway.
        }
    }
}
