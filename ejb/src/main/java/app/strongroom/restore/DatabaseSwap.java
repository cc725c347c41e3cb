package app.strongroom.restore;

import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Puts a restored database in the live one's place. PostgreSQL renames databases transactionally, so both renames
 * commit together or not at all: a server killed at any moment leaves either the old database live (and the restored
 * one beside it) or the restored one live (and the old one under its replaced name), which is how the start-up
 * recovery tells the two apart ({@link RestoreRecovery}). A database cannot be renamed while anyone is connected, so
 * the live one first stops taking connections and those open are ended.
 */
final class DatabaseSwap {
    private DatabaseSwap() {
    }

    static void swap(PostgresAdmin admin, SqlIdentifier live, SqlIdentifier restored, SqlIdentifier replaced) {
        try (Connection c = admin.adminDataSource(new SqlIdentifier("postgres")).getConnection();
             Statement s = c.createStatement()) {
            s.execute("alter database " + live + " with allow_connections false");
            terminate(c, live);
            terminate(c, restored);
            c.setAutoCommit(false);
            s.execute("alter database " + live + " rename to " + replaced);
            s.execute("alter database " + restored + " rename to " + live);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("the restored database could not be put in place of the live one: "
                    + e.getMessage(), e);
        }
    }

    /** The live database takes connections again (after a swap that did not happen). */
    static void reopen(PostgresAdmin admin, SqlIdentifier live) {
        try (Connection c = admin.adminDataSource(new SqlIdentifier("postgres")).getConnection();
             Statement s = c.createStatement()) {
            s.execute("alter database " + live + " with allow_connections true");
        } catch (SQLException e) {
            throw new IllegalStateException("the live database " + live + " could not be reopened: " + e.getMessage(), e);
        }
    }

    private static void terminate(Connection c, SqlIdentifier database) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            s.setString(1, database.value());
            s.execute();
        }
    }
}
