package app.strongroom.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Administrative DDL on one PostgreSQL server: tenant databases, their login roles and the grants that confine each
 * role to its own database. Every step is idempotent so a provisioning that stopped half-way can be finished or undone
 * by running the same steps again. Names are {@link SqlIdentifier}s; existence checks use bound parameters.
 */
public final class PostgresAdmin {
    private static final Pattern SECRET = Pattern.compile("[0-9a-f]{64}");
    /** Made by initdb on every server; template0 already refuses all connections ({@code datallowconn = false}). */
    private static final java.util.List<String> MAINTENANCE_DATABASES = java.util.List.of("postgres", "template1");

    private final DatabaseServerSettings server;

    public PostgresAdmin(DatabaseServerSettings server) {
        this.server = server;
    }

    public DatabaseServerSettings server() {
        return server;
    }

    public boolean databaseExists(SqlIdentifier database) {
        return exists("select 1 from pg_database where datname = ?", database.value());
    }

    public boolean roleExists(SqlIdentifier role) {
        return exists("select 1 from pg_roles where rolname = ?", role.value());
    }

    public void createDatabase(SqlIdentifier database) {
        if (!databaseExists(database)) {
            execute("postgres", "create database " + database + " encoding 'UTF8'");
        }
    }

    /** The role may log in, but connects to no database until {@link #confineRole} grants it one. */
    public void createLoginRole(SqlIdentifier role, String password) {
        if (!SECRET.matcher(password).matches()) {
            throw new IllegalArgumentException("a tenant role password is 64 hex digits derived by the platform");
        }
        String verb = roleExists(role) ? "alter" : "create";
        execute("postgres", verb + " role " + role
                + " login nosuperuser nocreatedb nocreaterole noinherit noreplication password '" + password + "'");
    }

    /** Copies an already-migrated template: far quicker than running the migrations on an empty database. */
    public void createDatabaseFromTemplate(SqlIdentifier database, SqlIdentifier template) {
        if (!databaseExists(database)) {
            execute("postgres", "create database " + database + " template " + template);
        }
    }

    /**
     * Only {@code role} may connect to {@code database} (PUBLIC's CONNECT revoked) and it may read and write the
     * application's tables there, but not change the schema. Runs again after every migration so new tables are granted.
     */
    public void confineRole(SqlIdentifier database, SqlIdentifier role) {
        execute("postgres",
                "revoke all on database " + database + " from public",
                "grant connect, temporary on database " + database + " to " + role);
        execute(database.value(),
                "revoke all on schema public from public",
                "grant usage on schema public to " + role,
                "grant select, insert, update, delete on all tables in schema public to " + role,
                "grant usage, select on all sequences in schema public to " + role,
                // The audit trail is append-only, even for the tenant's own role.
                "revoke update, delete, truncate on table security_event from " + role,
                // The migrations' history is the platform's: a row written by the role could mark a later migration
                // (a security fix, say) as applied, and it would never run.
                "revoke insert, update, delete, truncate on table flyway_schema_history from " + role);
    }

    /**
     * Takes every write away from {@code role} in {@code database}: a read-only default can be switched off by any
     * connection, a privilege the role does not hold cannot.
     */
    public void revokeWrites(SqlIdentifier database, SqlIdentifier role) {
        execute(database.value(),
                "revoke insert, update, delete, truncate on all tables in schema public from " + role,
                "revoke usage on all sequences in schema public from " + role);
    }

    /** Makes a database unreachable to everybody but the administrator (used on templates and the catalog). */
    public void closeToPublic(SqlIdentifier database) {
        execute("postgres", "revoke all on database " + database + " from public");
    }

    /**
     * The databases every server has from initdb ({@code postgres}, {@code template1}) grant CONNECT to PUBLIC, so any
     * tenant's login role could connect there and list every database and role of the server. This takes that away
     * from PUBLIC, after granting it to the administrator role so the platform never locks itself out. An
     * administrator without the privilege to revoke (not the owner of those databases, no superuser) leaves them
     * open: PostgreSQL then answers with an error or a mere warning, so the result is read back rather than assumed.
     *
     * @return the databases PUBLIC can still connect to, each with the reason; empty when all are closed
     */
    public java.util.List<String> closeMaintenanceDatabases() {
        java.util.List<String> open = new java.util.ArrayList<>();
        for (String database : MAINTENANCE_DATABASES) {
            try (Connection c = server.adminDataSource("postgres").getConnection(); Statement s = c.createStatement()) {
                if (!publicMayConnect(c, database)) {
                    continue;
                }
                s.execute("grant connect on database " + database + " to current_user");
                s.execute("revoke connect on database " + database + " from public");
                if (publicMayConnect(c, database)) {
                    open.add(database + " (role " + server.adminUser() + " may not revoke PUBLIC's CONNECT there)");
                }
            } catch (SQLException e) {
                open.add(database + " (" + e.getMessage() + ")");
            }
        }
        return open;
    }

    /** Whether PUBLIC (grantee 0) holds CONNECT, reading the default privileges when the database has no ACL yet. */
    private static boolean publicMayConnect(Connection c, String database) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select exists (select 1 from pg_database d, "
                + "aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a "
                + "where d.datname = ? and a.grantee = 0 and a.privilege_type = 'CONNECT')")) {
            s.setString(1, database);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    /** Drops the database even while connections remain, then its role. Missing objects are not an error. */
    public void dropDatabaseAndRole(SqlIdentifier database, SqlIdentifier role) {
        execute("postgres",
                "drop database if exists " + database + " with (force)",
                "drop role if exists " + role);
    }

    /** Drops a database even while connections remain (a scratch database after a drill); missing is not an error. */
    public void dropDatabase(SqlIdentifier database) {
        execute("postgres", "drop database if exists " + database + " with (force)");
    }

    /** Whether anyone may connect to {@code database}; the administrator's existing connections are not affected. */
    public void allowConnections(SqlIdentifier database, boolean allowed) {
        execute("postgres", "alter database " + database + " with allow_connections " + allowed);
    }

    /** Every transaction in {@code database} is read-only from the next connection on, the administrator's too. */
    public void makeReadOnly(SqlIdentifier database) {
        execute("postgres", "alter database " + database + " set default_transaction_read_only = on");
    }

    /**
     * Ends every connection to the two databases, then renames {@code current} to {@code retired} and
     * {@code replacement} to {@code current} in one transaction: PostgreSQL renames databases transactionally, so both
     * renames commit or neither does. A rename needs the database free of connections; the caller stops new ones
     * ({@link #allowConnections}) first.
     */
    public void replace(SqlIdentifier current, SqlIdentifier replacement, SqlIdentifier retired) {
        try (Connection c = server.adminDataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            for (SqlIdentifier database : java.util.List.of(current, replacement)) {
                terminate(c, database, -1);
            }
            c.setAutoCommit(false);
            s.execute("alter database " + current + " rename to " + retired);
            s.execute("alter database " + replacement + " rename to " + current);
            c.commit();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(server, e);
        }
    }

    /**
     * Labels {@code database} with {@code label} (its comment, which stays with the database through renames): how a
     * restore later tells whether the database under the live name is the one it restored.
     */
    public void label(SqlIdentifier database, UUID label) {
        // A UUID's text is hex digits and hyphens: nothing in it can leave the quotes, and COMMENT takes no parameters.
        execute("postgres", "comment on database " + database + " is '" + label + "'");
    }

    /** The label {@link #label} put on {@code database}; empty if it has none, another comment, or does not exist. */
    public Optional<UUID> labelOf(SqlIdentifier database) {
        try (Connection c = server.adminDataSource("postgres").getConnection(); PreparedStatement s = c.prepareStatement(
                "select shobj_description(oid, 'pg_database') from pg_database where datname = ?")) {
            s.setString(1, database.value());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || r.getString(1) == null) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(UUID.fromString(r.getString(1)));
                } catch (IllegalArgumentException notALabel) {
                    return Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(server, e);
        }
    }

    /** Ends every connection to {@code database} but the one whose backend is {@code keep}. */
    public void endConnections(SqlIdentifier database, int keep) {
        try (Connection c = server.adminDataSource("postgres").getConnection()) {
            terminate(c, database, keep);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(server, e);
        }
    }

    /**
     * Ends the connections and waits until they are gone: pg_terminate_backend only signals, and a backend signalled
     * in the middle of a commit may still make it visible.
     */
    private static void terminate(Connection c, SqlIdentifier database, int keep) throws SQLException {
        try (PreparedStatement terminate = c.prepareStatement("select pg_terminate_backend(pid, ?) "
                + "from pg_stat_activity where datname = ? and pid <> pg_backend_pid() and pid <> ?")) {
            terminate.setLong(1, TERMINATE_WAIT_MS);
            terminate.setString(2, database.value());
            terminate.setInt(3, keep);
            terminate.execute();
        }
    }

    private static final int TERMINATE_WAIT_MS = 10_000;

    /** Databases whose names start with {@code prefix} followed by an underscore (a tenant's restored copies). */
    public java.util.List<SqlIdentifier> databasesUnder(SqlIdentifier prefix) {
        java.util.List<SqlIdentifier> found = new java.util.ArrayList<>();
        try (Connection c = server.adminDataSource("postgres").getConnection();
             PreparedStatement s = c.prepareStatement("select datname from pg_database where starts_with(datname, ?)")) {
            s.setString(1, prefix.value() + "_");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new SqlIdentifier(r.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(server, e);
        }
        return found;
    }

    public DataSource adminDataSource(SqlIdentifier database) {
        return server.adminDataSource(database.value());
    }

    private boolean exists(String query, String name) {
        try (Connection c = server.adminDataSource("postgres").getConnection();
             PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(server, e);
        }
    }

    /** Runs the statements in order on one connection; each commits on its own (DDL like CREATE DATABASE must). */
    private void execute(String database, String... ddl) {
        try (Connection c = server.adminDataSource(database).getConnection(); Statement s = c.createStatement()) {
            for (String statement : ddl) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(server, e);
        }
    }
}
