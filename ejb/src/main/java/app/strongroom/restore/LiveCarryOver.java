package app.strongroom.restore;

import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What a live restore takes from the live database rather than from the backup, copied once nobody else is connected
 * to it: the audit trail (append-only, it survives every restore), each account's standing (password, active or
 * deactivated, administrator or not, session epoch) and the API keys. A restore brings data back, not access: a
 * password changed or an account deactivated or demoted since the backup stays so, an account made since is kept, an
 * account gone since is not brought back to sign in, no session signed in before the restore survives it, and the API
 * keys are exactly the live ones (a key revoked since the backup stays revoked, a key made since keeps working).
 */
final class LiveCarryOver {
    /**
     * How far back entries are looked for beyond the backup's newest id: an entry whose id was drawn before the
     * backup's snapshot may have committed after it, and is missing from the backup although its id is lower.
     */
    private static final Duration LATE_COMMITS = Duration.ofDays(1);
    private static final String AUDIT = "select id, occurred_at, kind, login, client_address, actor, detail "
            + "from security_event where id > ? or occurred_at >= ? order by id";
    private static final String AUDIT_CARRIED_OVER = "insert into security_event (id, occurred_at, kind, login, "
            + "client_address, actor, detail) overriding system value values (?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (id) do nothing";
    private static final String AUDIT_SEQUENCE = "select setval(pg_get_serial_sequence('security_event', 'id'), "
            + "greatest((select max(id) from security_event), 1))";
    private static final String ACCOUNTS = "select id, password_hash, active, deactivated_at, administrator, "
            + "session_epoch, login, email, created_at from user_account";
    private static final String ACCOUNT_CARRIED_OVER = "update user_account set password_hash = ?, active = ?, "
            + "deactivated_at = ?, administrator = ?, session_epoch = greatest(session_epoch, ? + 1) where id = ?";
    private static final String ACCOUNT_ADDED = "insert into user_account (password_hash, active, deactivated_at, "
            + "administrator, session_epoch, id, login, email, created_at) overriding system value "
            + "values (?, ?, ?, ?, ? + 1, ?, ?, ?, ?) on conflict do nothing";
    private static final String ACCOUNT_SEQUENCE = "select setval(pg_get_serial_sequence('user_account', 'id'), "
            + "greatest((select max(id) from user_account), 1))";
    private static final String API_KEYS = "select id, user_id, name, scope, key_sha256, created_at, expires_at, "
            + "last_used_at, last_used_from, revoked_at, revoked_by from api_key";
    private static final String API_KEY_CARRIED_OVER = "insert into api_key (id, user_id, name, scope, key_sha256, "
            + "created_at, expires_at, last_used_at, last_used_from, revoked_at, revoked_by) overriding system value "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String API_KEY_SEQUENCE = "select setval(pg_get_serial_sequence('api_key', 'id'), "
            + "greatest((select max(id) from api_key), 1))";
    private static final String ACCOUNTS_GONE = "update user_account set active = false, "
            + "deactivated_at = coalesce(deactivated_at, now()), session_epoch = session_epoch + 1 "
            + "where id <> all (?)";

    private LiveCarryOver() {
    }

    /**
     * Closes the live database to everyone but this copy (new connections refused, every other one ended, on every
     * instance of a cluster) and carries its audit trail, accounts and API keys over into {@code restored}, in one
     * transaction. The caller opens the live database again if the restore does not go on to the swap.
     */
    static void closeAndCarryOver(PostgresAdmin admin, SqlIdentifier live, SqlIdentifier restored,
                                  Instant backupTakenAt) {
        try (Connection from = admin.adminDataSource(live).getConnection();
             Connection to = admin.adminDataSource(restored).getConnection()) {
            admin.allowConnections(live, false);
            admin.endConnections(live, backendPid(from));
            to.setAutoCommit(false);
            copyAuditTrail(from, to, backupTakenAt);
            carryAccounts(from, to);
            carryApiKeys(from, to);
            to.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail, accounts and API keys could not be carried over to the "
                    + "restored database: " + e.getMessage(), e);
        }
    }

    private static void copyAuditTrail(Connection from, Connection to, Instant backupTakenAt) throws SQLException {
        long newest;
        try (Statement s = to.createStatement();
             ResultSet r = s.executeQuery("select coalesce(max(id), 0) from security_event")) {
            r.next();
            newest = r.getLong(1);
        }
        try (PreparedStatement read = from.prepareStatement(AUDIT);
             PreparedStatement write = to.prepareStatement(AUDIT_CARRIED_OVER)) {
            read.setLong(1, newest);
            read.setObject(2, OffsetDateTime.ofInstant(backupTakenAt.minus(LATE_COMMITS), ZoneOffset.UTC));
            try (ResultSet r = read.executeQuery()) {
                copyRows(r, write, 7);
            }
        }
        execute(to, AUDIT_SEQUENCE);
    }

    /** Accounts made since the backup are added, with their ids, so that nobody who may sign in today is lost. */
    private static void carryAccounts(Connection from, Connection to) throws SQLException {
        List<Long> present = new ArrayList<>();
        try (Statement read = from.createStatement(); ResultSet r = read.executeQuery(ACCOUNTS);
             PreparedStatement update = to.prepareStatement(ACCOUNT_CARRIED_OVER);
             PreparedStatement insert = to.prepareStatement(ACCOUNT_ADDED)) {
            while (r.next()) {
                present.add(r.getLong(1));
                standing(update, r);
                if (update.executeUpdate() == 0) {
                    standing(insert, r);
                    insert.setString(7, r.getString(7));
                    insert.setString(8, r.getString(8));
                    insert.setObject(9, r.getObject(9, OffsetDateTime.class));
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement gone = to.prepareStatement(ACCOUNTS_GONE); Statement s = to.createStatement()) {
            gone.setArray(1, to.createArrayOf("bigint", present.toArray()));
            gone.executeUpdate();
            s.execute(ACCOUNT_SEQUENCE);
        }
    }

    /**
     * The restored keys are replaced by the live ones, after the accounts, so that every key's user is there. The
     * backup's own keys are not kept alongside: one revoked since would open the tenant again.
     */
    private static void carryApiKeys(Connection from, Connection to) throws SQLException {
        execute(to, "delete from api_key");
        try (Statement read = from.createStatement(); ResultSet r = read.executeQuery(API_KEYS);
             PreparedStatement insert = to.prepareStatement(API_KEY_CARRIED_OVER)) {
            copyRows(r, insert, 11);
        }
        execute(to, API_KEY_SEQUENCE);
    }

    /** Each row's first {@code columns} values, as read, into the same positions of {@code write}, in one batch. */
    private static void copyRows(ResultSet rows, PreparedStatement write, int columns) throws SQLException {
        while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
                write.setObject(i, rows.getObject(i));
            }
            write.addBatch();
        }
        write.executeBatch();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Password, active, deactivated, administrator, live session epoch, id: the first six parameters of both. */
    private static void standing(PreparedStatement statement, ResultSet live) throws SQLException {
        statement.setString(1, live.getString(2));
        statement.setBoolean(2, live.getBoolean(3));
        statement.setObject(3, live.getObject(4, OffsetDateTime.class));
        statement.setBoolean(4, live.getBoolean(5));
        statement.setLong(5, live.getLong(6));
        statement.setLong(6, live.getLong(1));
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
            r.next();
            return r.getInt(1);
        }
    }
}
