package app.strongroom.it;

import app.strongroom.catalog.TenantId;
import app.strongroom.launcher.DatabaseConnection;
import app.strongroom.vault.dump.PostgresDump;
import app.strongroom.vault.format.BackupBinding;
import app.strongroom.vault.format.BackupWriter;
import app.strongroom.vault.format.Digests;
import app.strongroom.vault.format.Manifest;
import app.strongroom.vault.keys.MasterKey;
import app.strongroom.vault.keys.TenantKeyset;
import app.strongroom.vault.keys.WrappedKeyset;
import app.strongroom.vault.location.BackupName;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Kept backups as an earlier build of Strongroom wrote them: a tenant database at an older schema version (the
 * shipped migrations up to that version, nothing after), dumped, encrypted under the tenant's key, put at the backup
 * location and recorded in the catalog as a good backup. Only the format and the keys are the product's; the schema
 * is the one an older build had.
 */
final class OlderBackups {
    private OlderBackups() {
    }

    /**
     * The newest tenant schema version shipped before {@code version}: migration numbers have gaps (branches number
     * theirs apart), so it is not always {@code version - 1}. Read from the migrations alone: Flyway lists them as
     * pending against a database that has no history of them, and changes nothing there.
     */
    static int shippedVersionBefore(int version) {
        DatabaseConnection db = TestPlatform.database();
        return Arrays.stream(Flyway.configure(OlderBackups.class.getClassLoader())
                        .dataSource("jdbc:postgresql://" + db.host() + ":" + db.port() + "/postgres", db.adminUser(),
                                db.adminPassword())
                        .locations("classpath:db/tenant").load().info().all())
                .mapToInt(migration -> Integer.parseInt(migration.getVersion().getVersion()))
                .filter(shipped -> shipped < version).max()
                .orElseThrow(() -> new AssertionError("no tenant migration before version " + version));
    }

    /** Writes a backup of {@code tenant} at {@code schemaVersion} holding one contact; returns its id. */
    static UUID write(TenantId tenant, String slug, int schemaVersion, String contactName) throws Exception {
        // Named from a fresh UUID's hex digits: nothing from outside reaches the DDL, which takes no parameters.
        String scratch = "older_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Tenants.execute("postgres", "create database " + scratch);
        try {
            DatabaseConnection db = TestPlatform.database();
            Flyway.configure(OlderBackups.class.getClassLoader())
                    .dataSource("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + scratch, db.adminUser(),
                            db.adminPassword())
                    .locations("classpath:db/tenant").target(Integer.toString(schemaVersion)).load().migrate();
            try (Connection c = Tenants.superuser(scratch); PreparedStatement s = c.prepareStatement(
                    "insert into contact (name, created_at, updated_at) values (?, now(), now())")) {
                s.setString(1, contactName);
                s.executeUpdate();
            }
            copyAccounts(Tenants.databaseOf(tenant), scratch);
            UUID id = UUID.randomUUID();
            Instant takenAt = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
            String tenantText = tenant.value().toString();
            TenantKeyset keyset = keysetOf(tenant);
            String fileName = BackupName.at(takenAt, id).fileName();
            Path file = Backups.location().resolve("tenants").resolve(tenantText).resolve("backups").resolve(fileName);
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file);
                 BackupWriter writer = BackupWriter.open(out, keyset.streamingAead(),
                         BackupBinding.tenantBackup(tenantText, id.toString()));
                 Connection c = Tenants.superuser(scratch)) {
                Map<String, Long> rows;
                try (OutputStream dump = writer.entry("dump.sql", true)) {
                    rows = PostgresDump.write(c, dump);
                }
                writer.finish(new Manifest("0.9-older", schemaVersion, PostgresDump.serverVersion(c), tenantText, slug,
                        id.toString(), takenAt, rows, List.of()));
            }
            String sha256;
            try (InputStream in = Files.newInputStream(file)) {
                sha256 = Digests.sha256Of(in);
            }
            try (Connection c = Tenants.superuser(TestPlatform.CATALOG); PreparedStatement s = c.prepareStatement(
                    "insert into backup (id, tenant_id, run_key, file_name, state, started_at, finished_at, size_bytes,"
                            + " sha256, key_id, schema_version, duration_ms) values (?, ?, ?, ?, 'GOOD', ?, ?, ?, ?, ?, ?, 1000)")) {
                OffsetDateTime at = OffsetDateTime.ofInstant(takenAt, ZoneOffset.UTC);
                s.setObject(1, id);
                s.setObject(2, tenant.value());
                s.setString(3, "older-build-" + id);
                s.setString(4, fileName);
                s.setObject(5, at);
                s.setObject(6, at.plusSeconds(1));
                s.setLong(7, Files.size(file));
                s.setString(8, sha256);
                s.setInt(9, keyset.primaryKeyId());
                s.setInt(10, schemaVersion);
                s.executeUpdate();
            }
            return id;
        } finally {
            Tenants.execute("postgres", "drop database if exists " + scratch + " with (force)");
        }
    }

    /** user_account as every schema since version 3 has it: the older schemas these backups are written at. */
    private static final List<String> ACCOUNT_COLUMNS = List.of("active", "administrator", "created_at",
            "deactivated_at", "email", "id", "login", "password_hash", "session_epoch", "version");
    private static final String ACCOUNTS = "select active, administrator, created_at, deactivated_at, email, id, "
            + "login, password_hash, session_epoch, version from user_account";
    private static final String ACCOUNT_COPIED = "insert into user_account (active, administrator, created_at, "
            + "deactivated_at, email, id, login, password_hash, session_epoch, version) overriding system value "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The tenant's accounts as they are, in the older schema: its people were there then too. */
    private static void copyAccounts(String from, String to) throws SQLException {
        List<String> columns = Tenants.column(to, "select column_name from information_schema.columns "
                + "where table_name = 'user_account' order by 1");
        // Since version 5 an account also has a company, which defaults to the tenant's first: left to that default.
        if (!columns.stream().filter(column -> !column.equals("company_id")).toList().equals(ACCOUNT_COLUMNS)) {
            throw new IllegalStateException("user_account of the older schema has " + columns + ", not the columns "
                    + "this fixture copies: bring ACCOUNT_COLUMNS up to date");
        }
        try (Connection source = Tenants.superuser(from); Connection target = Tenants.superuser(to);
             ResultSet r = source.createStatement().executeQuery(ACCOUNTS);
             PreparedStatement insert = target.prepareStatement(ACCOUNT_COPIED)) {
            while (r.next()) {
                for (int i = 1; i <= ACCOUNT_COLUMNS.size(); i++) {
                    insert.setObject(i, r.getObject(i));
                }
                insert.executeUpdate();
            }
            target.createStatement().execute("select setval(pg_get_serial_sequence('user_account', 'id'), "
                    + "(select max(id) from user_account))");
        }
    }

    private static TenantKeyset keysetOf(TenantId tenant) throws SQLException {
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG); PreparedStatement s = c.prepareStatement(
                "select master_key_id, primary_key_id, wrapped from tenant_key where tenant_id = ?")) {
            s.setObject(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("tenant " + tenant + " has no key yet: back it up once first");
                }
                WrappedKeyset wrapped = new WrappedKeyset(tenant.value().toString(), r.getString(1), r.getInt(2),
                        r.getBytes(3));
                return TenantKeyset.unwrap(wrapped, List.of(MasterKey.of(TestPlatform.masterKey())));
            }
        }
    }
}
