package app.strongroom.download;

import app.strongroom.backup.BackupCatalog;
import app.strongroom.backup.BackupLocations;
import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import app.strongroom.keys.TenantKeys;
import app.strongroom.sites.BackupSafety;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.vault.VaultException;
import app.strongroom.vault.format.BackupBinding;
import app.strongroom.vault.format.SeekableBackup;
import app.strongroom.vault.format.SegmentLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The company's kept backups as downloads, for its administrators: listed, found by id (only among the caller's own
 * tenant's good backups; any other id, another company's included, is simply not found, and the asking is audited in
 * both companies' trails), and sent in any byte range, decrypted on the fly from the home location.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeptDownloads {
    private static final Logger LOG = Logger.getLogger(KeptDownloads.class.getName());

    @Inject
    TenantData tenantData;
    @Inject
    BackupLocations locations;
    @EJB
    BackupCatalog backups;
    @EJB
    TenantCatalog tenants;
    @EJB
    TenantKeys keys;
    @EJB
    BackupSafety safety;
    @EJB
    DownloadAudit audit;

    /** The company's kept backups, newest first. */
    public List<KeptFile> list() {
        Tenant tenant = tenants.get(tenantData.caller().tenant());
        return backups.good(tenant.id()).stream().map(b -> file(tenant, b)).toList();
    }

    public KeptLookup find(UUID id, String clientAddress) {
        Caller.TenantUser caller = tenantData.caller();
        Tenant tenant = tenants.get(caller.tenant());
        Optional<Backup> found = backups.find(id);
        Optional<Backup> ours = found.filter(b -> isKeptOf(b, caller.tenant()));
        if (ours.isEmpty()) {
            audit.record(caller.tenant(), SecurityEventKind.BACKUP_DOWNLOAD_REFUSED, caller.login(), clientAddress,
                    "asked for backup " + id + ", which is not one of this company's kept backups");
            found.filter(b -> !b.tenant().equals(caller.tenant())).ifPresent(b -> audit.record(b.tenant(),
                    SecurityEventKind.BACKUP_DOWNLOAD_REFUSED, null, clientAddress, "refused to " + caller.login()
                            + ", a user of another company (" + tenant.slug().value() + "), who asked for the backup "
                            + "of " + DownloadNames.utc(b.startedAt()) + " (" + id + ")"));
            return new KeptLookup.NotFound();
        }
        Backup backup = ours.get();
        KeptFile file = file(tenant, backup);
        Path path = path(backup);
        if (!isWhole(path, backup)) {
            boolean safe = safety.assess(caller.tenant()).stream()
                    .anyMatch(a -> a.backup().id().equals(id) && a.isSafe());
            LOG.severe(() -> "backup " + id + " of tenant " + caller.tenant() + " is missing or of the wrong size at "
                    + path + "; a tenant administrator asked to download it");
            audit.record(caller.tenant(), SecurityEventKind.BACKUP_DOWNLOAD_FAILED, caller.login(), clientAddress,
                    "the backup of " + DownloadNames.utc(backup.startedAt()) + " (" + id + ") could not be downloaded: "
                            + "its copy on the main server is missing or damaged"
                            + (safe ? "; its copies at the sites are safe" : ""));
            return new KeptLookup.NotAtHome(file, safe);
        }
        return new KeptLookup.Found(file);
    }

    /**
     * Writes the plaintext bytes {@code first} to {@code first + length - 1} of the backup to {@code out}, after
     * recording the download in the audit trail.
     *
     * @throws IOException {@code out} could not be written: the client went away
     */
    public KeptSending send(UUID id, long first, long length, String clientAddress, OutputStream out)
            throws IOException {
        Caller.TenantUser caller = tenantData.caller();
        Optional<Backup> ours = backups.find(id).filter(b -> isKeptOf(b, caller.tenant()));
        if (ours.isEmpty()) {
            return new KeptSending.Gone();
        }
        Backup backup = ours.get();
        long size = plaintextSize(backup);
        String which = "the backup of " + DownloadNames.utc(backup.startedAt()) + " (" + id + ")";
        audit.record(caller.tenant(), SecurityEventKind.BACKUP_DOWNLOADED, caller.login(), clientAddress, which + ", "
                + (first == 0 && length == size ? "whole, " + size + " bytes"
                : "bytes " + first + "-" + (first + length - 1) + " of " + size + " (resumed or partial)"));
        Counting counting = new Counting(out);
        TenantId tenant = caller.tenant();
        try (SeekableBackup plain = SeekableBackup.open(FileChannel.open(path(backup), StandardOpenOption.READ),
                keys.keyset(tenant).streamingAead(), BackupBinding.tenantBackup(tenant.value().toString(),
                        id.toString()))) {
            plain.copy(first, length, counting);
            return new KeptSending.Sent(length);
        } catch (NoSuchFileException removed) {
            return new KeptSending.Gone();
        } catch (VaultException damaged) {
            LOG.log(Level.SEVERE, "backup " + id + " of tenant " + tenant + " at the home location failed its "
                    + "integrity check while it was downloaded", damaged);
            audit.record(tenant, SecurityEventKind.BACKUP_DOWNLOAD_FAILED, caller.login(), clientAddress, which
                    + ": its copy on the main server failed its integrity check after " + counting.count
                    + " bytes; the download was cut off");
            return new KeptSending.Damaged(counting.count, damaged.getMessage());
        }
    }

    private static boolean isKeptOf(Backup backup, TenantId tenant) {
        return backup.isGood() && backup.tenant().equals(tenant);
    }

    private Path path(Backup backup) {
        return locations.home().backup(backup.tenant().value().toString(), backup.name());
    }

    private static boolean isWhole(Path path, Backup backup) {
        try {
            return Files.isRegularFile(path) && Files.size(path) == backup.size().orElse(-1L);
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static long plaintextSize(Backup backup) {
        return SegmentLayout.AES256_GCM_HKDF_1MB.plaintextSize(backup.size()
                .orElseThrow(() -> new IllegalStateException("good backup " + backup.id() + " has no size")));
    }

    private static KeptFile file(Tenant tenant, Backup backup) {
        String digest = backup.sha256().orElseThrow(() -> new IllegalStateException("good backup " + backup.id()
                + " has no digest"));
        return new KeptFile(backup.id(), backup.startedAt(), plaintextSize(backup),
                "\"" + backup.id() + "-" + digest.substring(0, 32) + "\"", DownloadNames.kept(tenant.slug(),
                backup.startedAt()));
    }

    /** Counts what was passed on, to say how far a damaged backup got. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }
}
