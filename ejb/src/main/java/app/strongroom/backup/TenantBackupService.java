package app.strongroom.backup;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.files.FileStore;
import app.strongroom.keys.TenantKeys;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.vault.format.BackupBinding;
import app.strongroom.vault.format.BackupWriter;
import app.strongroom.vault.format.Digests;
import app.strongroom.vault.format.Manifest;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backs up one tenant: the database read in one snapshot and its stored files, streamed through the backup format
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
    PlatformSettings settings;
    @Inject
    BackupLocations locations;
    @Inject
    FileStore files;
    @EJB
    TenantCatalog tenants;
    @EJB
    TenantKeys keys;
    @EJB
    BackupCatalog backups;

    private record FileRow(long id, UUID fileKey, String name, String sha256) {
    }

    public BackupOutcome backUp(TenantId tenantId, String runKey) {
        return backUp(tenantId, runKey, app.strongroom.jobs.ProgressSink.NONE);
    }

    /** As {@link #backUp(TenantId, String)}, telling {@code progress} the bytes written as they are written. */
    public BackupOutcome backUp(TenantId tenantId, String runKey, app.strongroom.jobs.ProgressSink progress) {
        var done = backups.goodInRun(tenantId, runKey);
        if (done.isPresent()) {
            return new BackupOutcome.AlreadyDone(done.get().id());
        }
        if (tenants.find(tenantId).filter(t -> t.status() == app.strongroom.catalog.TenantStatus.ACTIVE).isEmpty()) {
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
        PostgresAdmin admin = new PostgresAdmin(settings.server(tenant.server().name()));
        String tenantText = tenant.id().value().toString();
        try (OutputStream disk = new BufferedOutputStream(new app.strongroom.jobs.CountingOutputStream(
                Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW), progress), BUFFER);
             BackupWriter writer = BackupWriter.open(disk, keyset.streamingAead(),
                     BackupBinding.tenantBackup(tenantText, backup.id().toString()));
             Connection connection = admin.adminDataSource(new SqlIdentifier(tenant.databaseName())).getConnection()) {
            String postgresVersion = app.strongroom.vault.dump.PostgresDump.serverVersion(connection);
            List<FileRow> fileRows = new ArrayList<>();
            int[] schemaVersion = new int[1];
            Map<String, Long> rows;
            WriteFailure dump = new WriteFailure(writer.entry("dump.sql", settings.compressDump()));
            try (dump) {
                rows = app.strongroom.vault.dump.PostgresDump.write(connection, dump, Set.of(), c -> {
                    fileRows.addAll(fileRows(c));
                    schemaVersion[0] = schemaVersion(c);
                });
            } catch (SQLException e) {
                // A write that failed (a full disk) makes the driver cancel the COPY; the write's failure is the reason.
                throw dump.failure().orElseThrow(() -> e);
            }
            for (FileRow file : fileRows) {
                try (InputStream content = files.open(tenant.id(), file.fileKey());
                     OutputStream entry = writer.entry("filestore/" + file.id() + "/" + file.name(), false)) {
                    content.transferTo(entry);
                }
            }
            Sealed sealed = writer.finish(new Manifest(StrongroomVersion.get(), schemaVersion[0], postgresVersion,
                    tenantText, tenant.slug().value(), backup.id().toString(), backup.startedAt(), rows, List.of()));
            for (FileRow file : fileRows) {
                String entryName = "filestore/" + file.id() + "/" + file.name();
                boolean matches = sealed.manifest().entries().stream()
                        .anyMatch(e -> e.name().equals(entryName) && e.sha256().equals(file.sha256()));
                if (!matches) {
                    throw new IOException("stored file " + file.id() + " (" + file.name()
                            + ") does not match its recorded SHA-256: it was altered on disk");
                }
            }
            return sealed;
        }
    }

    /** Passes writes on and remembers the first one that failed, which the database driver would otherwise hide. */
    private static final class WriteFailure extends java.io.FilterOutputStream {
        private IOException failure;

        WriteFailure(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        java.util.Optional<IOException> failure() {
            return java.util.Optional.ofNullable(failure);
        }
    }

    private static List<FileRow> fileRows(Connection c) throws SQLException {
        List<FileRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id, file_key, name, sha256 from stored_file order by id")) {
            while (r.next()) {
                rows.add(new FileRow(r.getLong(1), r.getObject(2, UUID.class), r.getString(3), r.getString(4)));
            }
        }
        return rows;
    }

    private static int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select max(cast(version as integer)) from flyway_schema_history where success and version is not null")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** A reason a person can act on: the innermost message, with the kind of failure when the message is terse. */
    static String reason(Throwable e) {
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
