package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import app.strongroom.launcher.MicroServer;
import app.strongroom.launcher.Platform;
import app.strongroom.platform.SqlIdentifier;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A server killed outright (kill -9) in the middle of a live restore (P9), then started again: killed before the
 * databases were swapped, the tenant is exactly as before; killed after the swap but before the restore was recorded,
 * it is fully restored. Never half, and its people sign in again either way. The test holds a catalog row lock the
 * restore needs next, so the kill lands at the moment named, not at a moment guessed by timing.
 */
class RestoreCrashIT {
    private static final String CATALOG = "strongroom_catalog_restore_crash";
    private static final Path DIR = TestPlatform.directory().resolve("restore-crash");
    private static final Duration RECOVERED = Duration.ofSeconds(180);

    private static MicroServer server;

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLiveRestoreKilledBeforeTheSwapIsUndoneAndOneKilledAfterItIsCompleted() throws Exception {
        Platform.ensureCatalogDatabase(TestPlatform.database(), CATALOG);
        server = start("first");
        String slug = Tenants.create(FacesClient.forTestServer(base()), "restorecrash");
        TenantId tenant = TenantId.parse(tenantId(slug));
        String database = Tenants.databaseOf(tenant);
        // Enough data that restoring and the safety backup take a while: the test's lock is taken while they run.
        execute(database, "insert into contact (name, notes, created_at, updated_at) select 'row ' || g, "
                + "repeat(md5(g::text), 32), now(), now() from generate_series(1, 60000) g");
        execute(database, "insert into contact (name, created_at, updated_at) values ('In the backup', now(), now())");
        UUID backup = backUp(slug, tenant);
        execute(database, "delete from contact where name = 'In the backup'");
        execute(database, "insert into contact (name, created_at, updated_at) values ('Written after', now(), now())");
        String helpdesk = Restores.helpdeskMember(CATALOG);

        UUID first = Restores.request(Restores.signedInStaff(base(), helpdesk), CATALOG, slug, backup, "LIVE",
                "TICKET-1 killed before the swap");
        awaitMaintenance(tenant);
        String restoredCopy = query(CATALOG, "select database_name from restore_run where id = ?::uuid",
                String.valueOf(first)).get(0);
        try (Connection record = Tenants.superuser(CATALOG); Connection copy = Tenants.superuser(restoredCopy)) {
            record.setAutoCommit(false);
            copy.setAutoCommit(false);
            // Every step on the restore's record takes this row's lock, closing the live database too: held, the
            // restore can go no further than the safety backup.
            lockRow(record, "select 1 from restore_run where id = ? for update", first);
            assertThat(allowsConnections(database)).as("the live database is not closed yet").isTrue();
            // The carry-over of accounts into the copy waits for this lock, after the live database was closed.
            try (Statement s = copy.createStatement()) {
                s.execute("lock table user_account in share mode");
            }
            record.rollback();
            awaitSomebodyWaitingFor(copy);
            assertThat(allowsConnections(database)).as("killed with the live database closed").isFalse();
            assertThat(labelOf(database)).as("and not swapped").isNotEqualTo(first.toString());
            server.kill();
            copy.rollback();
        }
        server = start("second");
        Map<String, Object> undone = Restores.awaitFinished(CATALOG, first, RECOVERED);
        assertThat(undone.get("state")).isEqualTo("FAILED");
        assertThat((String) undone.get("failure")).startsWith("interrupted").contains("nothing was changed");
        assertThat(contactNames(database)).as("exactly as before the restore").contains("Written after")
                .doesNotContain("In the backup").hasSize(60_001);
        assertRecoveredAndSignInWorks(slug, tenant, database);
        assertThat(query(database, "select kind from security_event")).contains("RESTORE_FAILED");

        UUID second = Restores.request(Restores.signedInStaff(base(), helpdesk), CATALOG, slug, backup, "LIVE",
                "TICKET-2 killed after the swap");
        awaitMaintenance(tenant);
        try (Connection lock = Tenants.superuser(CATALOG)) {
            lock.setAutoCommit(false);
            // Only the restore's end changes the tenant's row: held, the restore stops right before it is recorded.
            lockRow(lock, "select 1 from tenant where id = ? for no key update", tenant.value());
            Backups.await(Duration.ofSeconds(120), () -> Optional.of(true)
                    .filter(swapped -> second.toString().equals(labelOf(database))));
            awaitSomebodyWaitingFor(lock);
            assertThat(state(second)).as("the swap is done, the record not yet").isEqualTo("RUNNING");
            server.kill();
            lock.rollback();
        }
        server = start("third");
        Map<String, Object> completed = Restores.awaitFinished(CATALOG, second, RECOVERED);
        assertThat(completed.get("state")).as(String.valueOf(completed.get("failure"))).isEqualTo("DONE");
        assertThat(contactNames(database)).as("fully restored").contains("In the backup")
                .doesNotContain("Written after").hasSize(60_001);
        assertRecoveredAndSignInWorks(slug, tenant, database);
        assertThat(query(database, "select kind || ':' || coalesce(detail, '') from security_event"))
                .as("the first attempt's failure was carried over, and the completion is recorded")
                .anyMatch(e -> e.startsWith("RESTORE_FAILED:"))
                .anyMatch(e -> e.startsWith("LIVE_RESTORED:") && e.contains("TICKET-2"));
    }

    private static void assertRecoveredAndSignInWorks(String slug, TenantId tenant, String database) throws Exception {
        assertThat(query(CATALOG, "select status from tenant where id = ?", tenant.value()))
                .containsExactly("ACTIVE");
        assertThat(Tenants.postgresAdmin().databasesUnder(new SqlIdentifier(database)))
                .as("neither a restored copy nor a replaced database is left").isEmpty();
        FacesClient admin = FacesClient.forTestServer(base());
        assertThat(Tenants.signIn(admin, slug, "admin", Tenants.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(admin.get("app/contacts.xhtml").statusCode()).isEqualTo(200);
    }

    private static MicroServer start(String name) {
        return OwnServer.start(DIR.resolve(name), CATALOG, settings -> settings
                .put("strongroom.backup.dir", DIR.resolve("backups").toString())
                .put("strongroom.files.dir", DIR.resolve("files").toString()));
    }

    private static URI base() {
        return server.httpsUrl();
    }

    private static UUID backUp(String slug, TenantId tenant) {
        Backups.backUpNow(Backups.operator(base()), slug);
        return Backups.await(Duration.ofSeconds(120), () -> {
            try {
                return query(CATALOG, "select id from backup where state = 'GOOD' and tenant_id = ?",
                        tenant.value()).stream().findFirst().map(UUID::fromString);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void awaitMaintenance(TenantId tenant) {
        Backups.await(Duration.ofSeconds(120), () -> {
            try {
                return query(CATALOG, "select status from tenant where id = ?", tenant.value()).stream()
                        .filter("MAINTENANCE"::equals).findFirst();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void lockRow(Connection lock, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = lock.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("the row to lock exists").isTrue();
            }
        }
    }

    /** Waits until a connection of the server waits for a lock {@code lock} holds. */
    private static void awaitSomebodyWaitingFor(Connection lock) throws SQLException {
        int pid;
        try (Statement s = lock.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
            r.next();
            pid = r.getInt(1);
        }
        Backups.await(Duration.ofSeconds(120), () -> {
            try (Connection c = Tenants.superuser(CATALOG); PreparedStatement s = c.prepareStatement(
                    "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
                s.setInt(1, pid);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1) > 0 ? Optional.of(true) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The comment on the database under {@code name}, where a live restore labels the database it swaps in. */
    private static String labelOf(String name) {
        try (Connection c = Tenants.superuser("postgres"); PreparedStatement s = c.prepareStatement(
                "select shobj_description(oid, 'pg_database') from pg_database where datname = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? String.valueOf(r.getString(1)) : "";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allowsConnections(String database) throws SQLException {
        return Boolean.parseBoolean(query("postgres", "select datallowconn::text from pg_database where datname = '"
                + database + "'").get(0));
    }

    private static String state(UUID restore) throws SQLException {
        return query(CATALOG, "select state from restore_run where id = ?::uuid", String.valueOf(restore)).get(0);
    }

    private static String tenantId(String slug) throws SQLException {
        try (Connection c = Tenants.superuser(CATALOG);
             PreparedStatement s = c.prepareStatement("select id from tenant where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    private static List<String> contactNames(String database) throws SQLException {
        return query(database, "select name from contact");
    }

    private static void execute(String database, String sql) throws SQLException {
        Tenants.execute(database, sql);
    }

    private static List<String> query(String database, String sql, Object... parameters) throws SQLException {
        return Tenants.column(database, sql, parameters);
    }
}
