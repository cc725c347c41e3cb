package app.strongroom.restore;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.keys.TenantKeys;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import app.strongroom.sites.SiteRegistry;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.vault.VaultException;
import app.strongroom.vault.dump.PostgresRestore;
import app.strongroom.vault.format.BackupBinding;
import app.strongroom.vault.format.BackupReader;
import app.strongroom.vault.format.Manifest;
import app.strongroom.vault.format.SealedCredentials;
import app.strongroom.vault.location.ObjectKeys;
import app.strongroom.vault.site.Site;
import app.strongroom.vault.site.SiteStore;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Restores one of a tenant's backups, fetched from a site, into an empty database on the tenant's server. Everything
 * is checked on the way: Tink authenticates every segment, every entry's size and SHA-256 must match the manifest, and
 * every table must hold the rows the manifest counted in the backup's snapshot. Any mismatch fails with a message
 * naming the backup, the site and what differed. Platform-internal: callers check their own callers' rights.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupRestore {
    @EJB
    TenantCatalog tenants;
    @EJB
    TenantKeys keys;
    @Inject
    PlatformSettings settings;
    @Inject
    SiteRegistry sites;
    @Inject
    app.strongroom.backup.BackupLocations locations;
    @EJB
    app.strongroom.sites.SiteCopies copies;
    @Inject
    app.strongroom.files.FileStore files;

    /** A new, empty database for a restore on the backup's tenant's server. */
    public void createDatabase(Backup backup, SqlIdentifier name) {
        admin(backup.tenant()).createDatabase(name);
    }

    /** Drops a database made for a restore on the tenant's server; missing is not an error. */
    public void dropDatabase(app.strongroom.catalog.TenantId tenant, SqlIdentifier database) {
        admin(tenant).dropDatabase(database);
    }

    public RestoredBackup restore(Backup backup, String siteName, SqlIdentifier target) {
        Site site = sites.get(siteName);
        String objectKey = ObjectKeys.backup(backup.tenant().value().toString(), backup.name());
        try (SiteStore store = site.open(); InputStream encrypted = store.open(objectKey)) {
            return restore(backup, "site " + siteName, encrypted, target, false);
        } catch (IOException e) {
            throw new VaultException("backup " + backup.id() + " from site " + siteName + " did not restore: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Restores from the nearest copy: the home location's, or when that is lost a site's verified copy. With
     * {@code files}, stored files the backup holds and the file store lacks (deleted since) are put back, encrypted
     * as before, so the restored database finds every file it lists.
     */
    public RestoredBackup restoreNearest(Backup backup, SqlIdentifier target, boolean files) {
        String tenantText = backup.tenant().value().toString();
        java.nio.file.Path home = locations.home().backup(tenantText, backup.name());
        if (java.nio.file.Files.isRegularFile(home)) {
            try (InputStream encrypted = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(home),
                    1 << 16)) {
                return restore(backup, "the home location", encrypted, target, files);
            } catch (IOException e) {
                throw new VaultException("backup " + backup.id() + " from the home location did not restore: "
                        + e.getMessage(), e);
            }
        }
        String site = copies.ofBackup(backup.id()).stream()
                .filter(copy -> copy.holds(backup.sha256().orElse(null)))
                .map(app.strongroom.catalog.site.SiteCopy::site).sorted().findFirst()
                .orElseThrow(() -> new VaultException("backup " + backup.id() + " is neither at the home location nor "
                        + "verified on any site: there is no copy to restore from"));
        String objectKey = ObjectKeys.backup(tenantText, backup.name());
        try (SiteStore store = sites.get(site).open(); InputStream encrypted = store.open(objectKey)) {
            return restore(backup, "site " + site, encrypted, target, files);
        } catch (IOException e) {
            throw new VaultException("backup " + backup.id() + " from site " + site + " did not restore: "
                    + e.getMessage(), e);
        }
    }

    private RestoredBackup restore(Backup backup, String source, InputStream stream, SqlIdentifier target,
                                   boolean withFiles) {
        Tenant tenant = tenants.get(backup.tenant());
        String tenantText = tenant.id().value().toString();
        long started = System.nanoTime();
        try (Counting encrypted = new Counting(stream);
             Connection connection = admin(tenant.id()).adminDataSource(target).getConnection()) {
            Map<String, Long> restored = new TreeMap<>();
            Map<Long, java.util.UUID> fileKeys = new java.util.HashMap<>();
            Manifest manifest;
            try {
                manifest = BackupReader.read(encrypted, keys.keyset(tenant.id()).streamingAead(),
                        BackupBinding.tenantBackup(tenantText, backup.id().toString()), (name, content) -> {
                            if ("dump.sql".equals(name)) {
                                try {
                                    restored.putAll(PostgresRestore.restore(connection, content).rows());
                                    // A backup from before stored files existed has neither the table nor files.
                                    if (withFiles && restored.containsKey("stored_file")) {
                                        fileKeys.putAll(fileKeys(connection));
                                    }
                                } catch (SQLException | VaultException e) {
                                    throw new DatabaseFailure(e);
                                }
                            } else if (withFiles && name.startsWith(FILESTORE)) {
                                putBack(tenant.id(), name, content, fileKeys);
                            } else if (SealedCredentials.ENTRY.equals(name)) {
                                try {
                                    putCredentialsBack(connection, SealedCredentials.open(
                                            content.readNBytes(MAX_CREDENTIALS), settings.masterKeys(), tenantText,
                                            backup.id().toString()));
                                } catch (SQLException e) {
                                    throw new DatabaseFailure(e);
                                }
                            }
                        });
            } catch (DatabaseFailure e) {
                throw new VaultException("backup " + backup.id() + " from " + source + " did not restore: "
                        + e.getCause().getMessage(), e.getCause());
            } catch (VaultException e) {
                // The reader refused what it read (authentication, the manifest): this copy is damaged.
                throw new CorruptBackupException("backup " + backup.id() + " from " + source + ": "
                        + e.getMessage(), e);
            }
            Map<String, Long> counted = new TreeMap<>(PostgresRestore.rowCounts(connection));
            Map<String, Long> expected = new TreeMap<>(manifest.rowCounts());
            if (!counted.equals(expected)) {
                throw new CorruptBackupException("backup " + backup.id() + " from " + source + " restored other"
                        + " row counts than its manifest: " + difference(expected, counted), null);
            }
            return new RestoredBackup(manifest, counted, encrypted.count, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | SQLException e) {
            throw new VaultException("backup " + backup.id() + " from " + source + " did not restore: "
                    + e.getMessage(), e);
        } catch (CorruptBackupException e) {
            throw e;
        } catch (VaultException e) {
            throw new VaultException("backup " + backup.id() + " from " + source + ": " + e.getMessage(), e);
        }
    }

    private static final String FILESTORE = "filestore/";

    /** {@code filestore/<id>/<name>}: the file of stored_file row {@code id}, written back if the store lacks it. */
    private void putBack(app.strongroom.catalog.TenantId tenant, String entry, InputStream content,
                         Map<Long, java.util.UUID> fileKeys) throws IOException {
        String rest = entry.substring(FILESTORE.length());
        int slash = rest.indexOf('/');
        java.util.UUID key;
        try {
            key = slash < 0 ? null : fileKeys.get(Long.parseLong(rest.substring(0, slash)));
        } catch (NumberFormatException e) {
            key = null;
        }
        if (key == null) {
            throw new IOException("the backup's entry " + entry + " belongs to no stored file of its dump");
        }
        if (!files.has(tenant, key)) {
            try {
                files.write(tenant, key, content, Long.MAX_VALUE);
            } catch (app.strongroom.files.FileStore.TooLarge impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static final int MAX_CREDENTIALS = 64 << 20;

    /** The password hashes the dump withholds, back on their accounts (after dump.sql, which comes first). */
    private static void putCredentialsBack(Connection c, java.util.List<SealedCredentials.Credential> credentials)
            throws SQLException {
        try (java.sql.PreparedStatement s = c.prepareStatement(
                "update user_account set password_hash = ? where id = ?")) {
            for (SealedCredentials.Credential credential : credentials) {
                s.setString(1, credential.passwordHash());
                s.setLong(2, credential.account());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Map<Long, java.util.UUID> fileKeys(Connection c) throws SQLException {
        Map<Long, java.util.UUID> keys = new java.util.HashMap<>();
        try (java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("select id, file_key from stored_file")) {
            while (r.next()) {
                keys.put(r.getLong(1), r.getObject(2, java.util.UUID.class));
            }
        }
        return keys;
    }

    /** A failure of the database restored into, carried out of the reader's handler as what it is. */
    private static final class DatabaseFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DatabaseFailure(Exception cause) {
            super(cause);
        }
    }

    private static String difference(Map<String, Long> expected, Map<String, Long> counted) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> tables = new java.util.TreeSet<>(expected.keySet());
        tables.addAll(counted.keySet());
        for (String table : tables) {
            Long want = expected.get(table);
            Long got = counted.get(table);
            if (!java.util.Objects.equals(want, got)) {
                out.append(out.length() == 0 ? "" : "; ").append("table ").append(table).append(" has ")
                        .append(got == null ? "no table" : got + " rows").append(", the manifest says ")
                        .append(want == null ? "no such table" : want + " rows");
            }
        }
        return out.toString();
    }

    private PostgresAdmin admin(app.strongroom.catalog.TenantId tenant) {
        return new PostgresAdmin(settings.server(tenants.get(tenant).server().name()));
    }

    /** Counts the bytes read, for the drill's throughput. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
