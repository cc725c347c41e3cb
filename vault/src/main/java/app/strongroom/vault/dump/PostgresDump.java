package app.strongroom.vault.dump;

import app.strongroom.vault.VaultException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes the {@code public} schema of the database behind a connection as SQL that psql restores into an empty
 * database: tables with their columns, the rows as {@code COPY ... FROM stdin} blocks (the COPY text format, exactly as
 * the server streams it, so no value is re-encoded), then keys, checks, foreign keys, indexes and identity columns with
 * their sequence positions. Everything is read in one REPEATABLE READ, READ ONLY transaction: one consistent snapshot
 * however long it takes, while users keep writing. Objects it cannot represent faithfully (views, functions, triggers,
 * other schemas) make it refuse rather than leave them out.
 */
public final class PostgresDump {
    private final Connection connection;
    private final Set<String> schemaOnly;
    private final Map<String, Set<String>> withheld;

    private PostgresDump(Connection connection, Set<String> schemaOnly, Map<String, Set<String>> withheld) {
        this.connection = connection;
        this.schemaOnly = Set.copyOf(schemaOnly);
        this.withheld = Map.copyOf(withheld);
    }

    /** Work that reads the database in the dump's own snapshot. */
    @FunctionalInterface
    public interface InSnapshot {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Opens the snapshot on {@code connection} (which it will commit and hand back in autocommit mode) and writes the
     * dump to {@code out}; returns the rows per table, from the same snapshot.
     */
    public static Map<String, Long> write(Connection connection, OutputStream out) throws SQLException {
        return write(connection, out, Set.of(), c -> { });
    }

    /**
     * The same, writing no rows for the tables in {@code schemaOnly} (their structure only), and running
     * {@code alsoInSnapshot} afterwards in the same snapshot: what it reads is exactly as consistent as the dump.
     */
    public static Map<String, Long> write(Connection connection, OutputStream out, Set<String> schemaOnly,
                                         InSnapshot alsoInSnapshot) throws SQLException {
        return write(connection, out, schemaOnly, Map.of(), alsoInSnapshot);
    }

    /**
     * The same, writing every column named in {@code withheld} (table to columns) as NULL: values that must not leave
     * the platform in a dump anyone may read. A withheld column must exist and allow NULL, or the dump is refused.
     */
    public static Map<String, Long> write(Connection connection, OutputStream out, Set<String> schemaOnly,
                                         Map<String, Set<String>> withheld, InSnapshot alsoInSnapshot)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
            Map<String, Long> rows = new PostgresDump(connection, schemaOnly, withheld).dump(out);
            alsoInSnapshot.run(connection);
            connection.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The server's version as it reports it ("17.6"). */
    public static String serverVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("show server_version")) {
            r.next();
            return r.getString(1).split(" ")[0];
        }
    }

    private Map<String, Long> dump(OutputStream out) throws SQLException {
        refuseWhatCannotBeDumped();
        List<Table> tables = tables();
        line(out, "-- Strongroom dump of PostgreSQL " + serverVersion(connection)
                + ". Restore into an empty database: psql -v ON_ERROR_STOP=1 -d NAME -f dump.sql");
        line(out, "SET client_encoding = 'UTF8';");
        line(out, "SET standard_conforming_strings = on;");
        line(out, "SET client_min_messages = warning;");
        line(out, "BEGIN;");
        for (Table t : tables) {
            line(out, "");
            line(out, "CREATE TABLE public." + t.quotedName + " (\n    " + String.join(",\n    ", t.columnDefinitions)
                    + "\n);");
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (Table t : tables) {
            if (schemaOnly.contains(t.name)) {
                continue;
            }
            line(out, "");
            line(out, "COPY public." + t.quotedName + " (" + String.join(", ", t.quotedColumns) + ") FROM stdin;");
            try {
                rows.put(t.name, copy.copyOut("COPY " + source(t) + " TO STDOUT", out));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            line(out, "\\.");
        }
        line(out, "");
        for (String statement : constraints()) {
            line(out, statement);
        }
        for (String statement : indexes()) {
            line(out, statement);
        }
        for (String statement : identities()) {
            line(out, statement);
        }
        line(out, "COMMIT;");
        return rows;
    }

    private void refuseWhatCannotBeDumped() throws SQLException {
        List<String> found = strings("""
                select 'view or other relation ' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind not in ('r', 'i', 'S')
                union all
                select 'sequence ' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind = 'S'
                   and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'i')
                union all
                select 'function ' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = 'public'
                union all
                select 'trigger ' || t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid
                  join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal
                union all
                select 'schema ' || nspname from pg_namespace
                 where nspname not in ('public', 'pg_catalog', 'information_schema', 'pg_toast')
                   and nspname not like 'pg_temp%' and nspname not like 'pg_toast_temp%'
                """);
        if (!found.isEmpty()) {
            throw new VaultException("the database holds objects the dump cannot represent: " + found);
        }
    }

    private List<Table> tables() throws SQLException {
        List<Table> tables = new ArrayList<>();
        for (String name : strings("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind = 'r' order by c.relname""")) {
            Table table = new Table(name, quote(name));
            try (PreparedStatement s = connection.prepareStatement("""
                    select quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), a.attnotnull,
                           pg_get_expr(d.adbin, d.adrelid), a.attgenerated
                      from pg_attribute a
                      join pg_class c on c.oid = a.attrelid
                      join pg_namespace n on n.oid = c.relnamespace
                      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                     where n.nspname = 'public' and c.relname = ? and a.attnum > 0 and not a.attisdropped
                     order by a.attnum""")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (!r.getString(5).isEmpty()) {
                            throw new VaultException("generated column " + name + "." + r.getString(1)
                                    + " cannot be represented by the dump");
                        }
                        String definition = r.getString(1) + " " + r.getString(2)
                                + (r.getString(4) == null ? "" : " DEFAULT " + r.getString(4))
                                + (r.getBoolean(3) ? " NOT NULL" : "");
                        table.quotedColumns.add(r.getString(1));
                        table.columnDefinitions.add(definition);
                        if (r.getBoolean(3)) {
                            table.notNull.add(r.getString(1));
                        }
                    }
                }
            }
            tables.add(table);
        }
        return tables;
    }

    /** Primary keys, unique and check constraints first, foreign keys last, so each finds what it references. */
    private List<String> constraints() throws SQLException {
        return strings("""
                select 'ALTER TABLE ONLY public.' || quote_ident(c.relname) || ' ADD CONSTRAINT '
                       || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid) || ';'
                  from pg_constraint k join pg_class c on c.oid = k.conrelid
                  join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and k.contype in ('p', 'u', 'c', 'f', 'x')
                 order by case k.contype when 'f' then 1 else 0 end, c.relname, k.conname""");
    }

    /** Indexes that no constraint made. */
    private List<String> indexes() throws SQLException {
        return strings("""
                select pg_get_indexdef(i.indexrelid) || ';'
                  from pg_index i join pg_class c on c.oid = i.indexrelid
                  join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public'
                   and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                 order by c.relname""");
    }

    /** Identity columns, added after the rows so COPY may give their values, then set to where the sequence was. */
    private List<String> identities() throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("""
                select quote_ident(c.relname), quote_ident(a.attname), a.attidentity, quote_ident(q.relname),
                       coalesce(p.last_value, p.start_value), p.last_value is not null,
                       p.start_value, p.increment_by, p.min_value, p.max_value, p.cache_size, p.cycle
                  from pg_attribute a
                  join pg_class c on c.oid = a.attrelid
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_depend d on d.refobjid = c.oid and d.refobjsubid = a.attnum and d.deptype = 'i'
                                  and d.classid = 'pg_class'::regclass
                  join pg_class q on q.oid = d.objid and q.relkind = 'S'
                  join pg_sequences p on p.schemaname = 'public' and p.sequencename = q.relname
                 where n.nspname = 'public' and c.relkind = 'r' and a.attidentity in ('a', 'd')
                 order by c.relname, a.attnum""")) {
            while (r.next()) {
                String sequence = "public." + r.getString(4);
                // Its options too: an identity that steps by 7 from 100 must go on doing so after a restore.
                statements.add("ALTER TABLE public." + r.getString(1) + " ALTER COLUMN " + r.getString(2) + " ADD GENERATED "
                        + ("a".equals(r.getString(3)) ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY (SEQUENCE NAME "
                        + sequence + " START WITH " + r.getLong(7) + " INCREMENT BY " + r.getLong(8) + " MINVALUE "
                        + r.getLong(9) + " MAXVALUE " + r.getLong(10) + " CACHE " + r.getLong(11)
                        + (r.getBoolean(12) ? " CYCLE" : " NO CYCLE") + ");");
                statements.add("SELECT pg_catalog.setval('" + sequence.replace("'", "''") + "', " + r.getLong(5) + ", "
                        + r.getBoolean(6) + ");");
            }
        }
        return statements;
    }

    private List<String> strings(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private String quote(String identifier) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select quote_ident(?)")) {
            s.setString(1, identifier);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static void line(OutputStream out, String text) {
        try {
            out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table's columns as they are, or a query giving NULL in place of each withheld column. */
    private String source(Table t) {
        Set<String> nulled = withheld.getOrDefault(t.name, Set.of());
        if (nulled.isEmpty()) {
            return "public." + t.quotedName + " (" + String.join(", ", t.quotedColumns) + ")";
        }
        List<String> select = new ArrayList<>();
        for (String column : t.quotedColumns) {
            select.add(nulled.contains(column) ? "NULL" : column);
        }
        for (String column : nulled) {
            if (!t.quotedColumns.contains(column) || t.notNull.contains(column)) {
                throw new VaultException("column " + t.name + "." + column + " cannot be withheld: it does not exist "
                        + "or does not allow NULL");
            }
        }
        return "(SELECT " + String.join(", ", select) + " FROM public." + t.quotedName + ")";
    }

    private static final class Table {
        final String name;
        final String quotedName;
        final List<String> quotedColumns = new ArrayList<>();
        final List<String> columnDefinitions = new ArrayList<>();
        final Set<String> notNull = new java.util.HashSet<>();

        Table(String name, String quotedName) {
            this.name = name;
            this.quotedName = quotedName;
        }
    }
}
