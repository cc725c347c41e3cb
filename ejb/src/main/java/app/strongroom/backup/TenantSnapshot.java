package app.strongroom.backup;

import app.strongroom.catalog.Tenant;
import app.strongroom.files.FileStore;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import app.strongroom.vault.dump.PostgresDump;
import app.strongroom.vault.format.BackupWriter;
import app.strongroom.vault.format.Manifest;
import app.strongroom.vault.format.SealedCredentials;
import app.strongroom.vault.format.Sealed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a backup holds, written into a {@link BackupWriter}: the tenant's database read in one snapshot
 * ({@code dump.sql}), the stored files that snapshot lists ({@code filestore/<id>/<name>}, each checked against the
 * SHA-256 recorded at upload before the next is written), then the manifest with the snapshot's row counts. The same
 * for a kept backup (encrypted, to the home location) and a live download (plain, to the response), so both are one
 * format; memory stays bounded by the writer's buffers whatever the tenant's size.
 */
@ApplicationScoped
public class TenantSnapshot {
    @Inject
    PlatformSettings settings;
    @Inject
    FileStore files;

    private record FileRow(long id, UUID fileKey, String name, String sha256) {
        String entryName() {
            return "filestore/" + id + "/" + name;
        }
    }

    /** Writes the tenant's snapshot and seals {@code writer} with a manifest naming {@code backupId}, {@code createdAt}. */
    public Sealed write(Tenant tenant, BackupWriter writer, String backupId, Instant createdAt)
            throws IOException, SQLException {
        PostgresAdmin admin = new PostgresAdmin(settings.server(tenant.server().name()));
        String tenantText = tenant.id().value().toString();
        try (Connection connection = admin.adminDataSource(new SqlIdentifier(tenant.databaseName())).getConnection()) {
            String postgresVersion = PostgresDump.serverVersion(connection);
            List<FileRow> fileRows = new ArrayList<>();
            List<SealedCredentials.Credential> credentials = new ArrayList<>();
            int[] schemaVersion = new int[1];
            Map<String, Long> rows;
            WriteFailure dump = new WriteFailure(writer.entry("dump.sql", settings.compressDump()));
            try (dump) {
                // Password hashes never stand in the dump, which a tenant administrator may download: they are sealed
                // apart, under the platform's key, from the same snapshot.
                rows = PostgresDump.write(connection, dump, Set.of(), WITHHELD, c -> {
                    fileRows.addAll(fileRows(c));
                    credentials.addAll(credentials(c));
                    schemaVersion[0] = schemaVersion(c);
                });
            } catch (SQLException e) {
                // A write that failed (a full disk, a client gone) makes the driver cancel the COPY; the write's
                // failure is the reason.
                throw dump.failure().orElseThrow(() -> e);
            }
            for (FileRow file : fileRows) {
                try (InputStream content = files.open(tenant.id(), file.fileKey());
                     OutputStream entry = writer.entry(file.entryName(), false)) {
                    content.transferTo(entry);
                }
                Manifest.Entry written = writer.written().get(writer.written().size() - 1);
                if (!written.sha256().equals(file.sha256())) {
                    throw new IOException("stored file " + file.id() + " (" + file.name()
                            + ") does not match its recorded SHA-256: it was altered on disk");
                }
            }
            try (OutputStream entry = writer.entry(SealedCredentials.ENTRY, false)) {
                entry.write(SealedCredentials.seal(credentials, settings.masterKeys().get(0), tenantText, backupId));
            }
            return writer.finish(new Manifest(StrongroomVersion.get(), schemaVersion[0], postgresVersion, tenantText,
                    tenant.slug().value(), backupId, createdAt, rows, List.of()));
        }
    }

    private static final Map<String, Set<String>> WITHHELD = Map.of("user_account", Set.of("password_hash"));

    private static List<SealedCredentials.Credential> credentials(Connection c) throws SQLException {
        List<SealedCredentials.Credential> credentials = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select id, password_hash from user_account where password_hash is not null order by id")) {
            while (r.next()) {
                credentials.add(new SealedCredentials.Credential(r.getLong(1), r.getString(2)));
            }
        }
        return credentials;
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

        Optional<IOException> failure() {
            return Optional.ofNullable(failure);
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
}
