package app.strongroom.vault.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.vault.VaultException;
import app.strongroom.vault.format.BackupBinding;
import app.strongroom.vault.format.BackupReader;
import app.strongroom.vault.format.BackupWriter;
import app.strongroom.vault.format.Manifest;
import app.strongroom.vault.format.Sealed;
import app.strongroom.vault.keys.TenantKeyset;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgresDump and PostgresRestore against a real PostgreSQL: every row, column, constraint, index and sequence
 * position comes back; a damaged or truncated dump, or a target in use, leaves the target as it was.
 */
class PostgresRestoreTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String BIG = bigValue();
    private static EmbeddedPostgres postgres;
    private static Connection source;
    private static String dump;
    private static Map<String, Long> dumped;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        source = newDatabase();
        awkwardDatabase(source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dumped = PostgresDump.write(source, out);
        dump = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws Exception {
        source.close();
        postgres.close();
    }

    @Test
    void everyRowColumnConstraintIndexAndSequenceComesBack() throws Exception {
        try (Connection target = newDatabase()) {
            RestoreResult result = PostgresRestore.restore(target, utf8(dump));

            assertThat(target.getAutoCommit()).isTrue();
            assertThat(result.rows()).isEqualTo(dumped).containsEntry("contact", 13L).containsEntry("Odd; \"Name\"", 2L)
                    .containsEntry("empty_one", 0L);
            assertThat(PostgresRestore.rowCounts(target)).isEqualTo(PostgresRestore.rowCounts(source))
                    .isEqualTo(dumped);
            for (String table : dumped.keySet()) {
                assertThat(rows(target, table)).as(table).containsExactlyElementsOf(rows(source, table));
            }
            for (String catalog : CATALOG) {
                assertThat(sorted(target, catalog)).as(catalog).containsExactlyElementsOf(sorted(source, catalog));
            }
            assertThat(strings(target, "select last_value::text from pg_sequences where sequencename = 'member_id_seq'"))
                    .as("the sequence stays where it was, behind ids given explicitly").containsExactly("2");

            // Identity columns continue where they were, in both generation modes.
            for (String insert : List.of("insert into contact (name) values ('after') returning id",
                    "insert into member (contact_id) values (1) returning id",
                    "insert into kinds (label) values ('after') returning id")) {
                assertThat(strings(target, insert)).as(insert).isEqualTo(strings(source, insert));
            }
            assertThatThrownBy(() -> execute(target, "insert into contact (id, name) values (99, 'x')"))
                    .hasMessageContaining("GENERATED ALWAYS");
            assertThatThrownBy(() -> execute(target, "insert into member (contact_id) values (999)"))
                    .hasMessageContaining("foreign key");
            assertThatThrownBy(() -> execute(target, "insert into kinds (label, kind) values ('x', 'other')"))
                    .hasMessageContaining("kind_known");
        }
    }

    @Test
    void aDatabaseThatIsNotEmptyIsRefusedAndLeftAlone() throws Exception {
        try (Connection target = newDatabase()) {
            execute(target, "create table already_here (x int); insert into already_here values (1)");
            assertThatThrownBy(() -> PostgresRestore.restore(target, utf8(dump))).isInstanceOf(VaultException.class)
                    .hasMessageContaining("not empty").hasMessageContaining("already_here");
            assertThat(PostgresRestore.rowCounts(target)).containsExactly(Map.entry("already_here", 1L));
        }
    }

    @Test
    void aBadRowFailsWithItsLineAndLeavesNothing() throws Exception {
        List<String> lines = dump.lines().toList();
        int copy = lines.indexOf("COPY public.settings (id, lock) FROM stdin;");
        assertThat(copy).as("settings is copied last, after every other table").isGreaterThan(lines.size() / 2);
        assertThat(lines.get(copy + 1)).isEqualTo("1\t10");
        List<String> damaged = new ArrayList<>(lines);
        damaged.set(copy + 1, "1\tten");
        try (Connection target = newDatabase()) {
            assertThatThrownBy(() -> PostgresRestore.restore(target, utf8(String.join("\n", damaged) + "\n")))
                    .isInstanceOf(VaultException.class)
                    .hasMessageContaining("at line " + (copy + 2) + " (the rows of settings)")
                    .hasMessageContaining("invalid input syntax for type integer: \"ten\"")
                    .hasMessageContaining("nothing was restored");
            assertThat(tables(target)).isZero();
            assertThat(target.getAutoCommit()).isTrue();
        }
    }

    @Test
    void aStatementTheServerRefusesFailsWithTheLineItPointsAt() throws Exception {
        List<String> lines = new ArrayList<>(dump.lines().toList());
        int amount = lines.indexOf("    amount numeric(30,10),");
        assertThat(amount).as("a column of a CREATE TABLE, lines below its first").isGreaterThan(
                lines.indexOf("CREATE TABLE public.kinds (") + 3);
        lines.set(amount, lines.get(amount).replace("numeric(30,10)", "numerik(30,10)"));
        try (Connection target = newDatabase()) {
            assertThatThrownBy(() -> PostgresRestore.restore(target, utf8(String.join("\n", lines) + "\n")))
                    .isInstanceOf(VaultException.class)
                    .hasMessageContaining("at line " + (amount + 1) + " (\"CREATE TABLE public.kinds (\")")
                    .hasMessageContaining("type \"numerik\" does not exist");
            assertThat(tables(target)).isZero();
        }
    }

    @Test
    void aTruncatedDumpFailsAnywhereAndLeavesNothing() throws Exception {
        int big = dump.indexOf(BIG.substring(0, 40));
        int create = dump.indexOf("CREATE TABLE public.kinds (");
        int commit = dump.lastIndexOf("COMMIT;");
        int lastRow = dump.lastIndexOf("\\.");
        try (Connection target = newDatabase()) {
            // One target for every attempt: each must leave it as empty as it found it.
            assertTruncatedAt(target, big + BIG.length() / 2, "inside the rows of contact");
            assertTruncatedAt(target, lastRow, "inside the rows of settings");
            assertTruncatedAt(target, create + 40, "inside the statement begun at line " + lineOf(create)
                    + " (\"CREATE TABLE public.kinds (\")");
            assertTruncatedAt(target, commit, "without its closing COMMIT");
            assertTruncatedAt(target, dump.length() / 5, "truncated");
            // And the whole dump still restores there.
            PostgresRestore.restore(target, utf8(dump));
            assertThat(PostgresRestore.rowCounts(target)).isEqualTo(dumped);
        }
    }

    @Test
    void statementsSplitOnlyAtTheSemicolonsThatEndThem() throws Exception {
        String script = """
                -- a comment; with a semicolon and 'a quote
                SET client_min_messages = warning; BEGIN;
                /* a block comment; /* nested; */ still; ' comment */
                CREATE TABLE "semi;colon" ("a
                b" text DEFAULT 'x;y
                --z', c text DEFAULT E'it\\'s; \\\\', d text DEFAULT $q$dollar; 'quoted' $$ $q$, e text DEFAULT $$;$$,
                "f""g" text DEFAULT name'back\\' -- a comment; "not an identifier
                ); INSERT INTO "semi;colon" (c) VALUES ('1;''2'), (E'3\\';'); INSERT INTO "semi;colon" ("a
                b", "f""g") VALUES ($x$4;$x$, '5;'); /* after */
                COPY public."semi;colon" ("a
                b", c) FROM stdin;
                6;\t7\\t\\\\.
                \\.
                COMMIT;""";
        try (Connection target = newDatabase()) {
            RestoreResult result = PostgresRestore.restore(target, utf8(script));
            assertThat(result.rows()).containsExactly(Map.entry("semi;colon", 1L));
            assertThat(result.statements()).isEqualTo(4);
            assertThat(sorted(target, """
                    select concat_ws('|', "a\nb", c, d, e, "f""g") from "semi;colon\"""")).containsExactly(
                    "4;|it's; \\|dollar; 'quoted' $$ |;|5;",
                    "6;|7\t\\.|dollar; 'quoted' $$ |;|back\\",
                    "x;y\n--z|1;'2|dollar; 'quoted' $$ |;|back\\",
                    "x;y\n--z|3';|dollar; 'quoted' $$ |;|back\\");
        }
    }

    @Test
    void aDumpReadFromABackupRestoresAndMatchesTheManifest() throws Exception {
        TenantKeyset keys = TenantKeyset.generate("tenant");
        byte[] binding = BackupBinding.tenantBackup("tenant", "backup");
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (BackupWriter writer = BackupWriter.open(encrypted, keys.streamingAead(), binding)) {
            try (OutputStream out = writer.entry("dump.sql", false)) {
                out.write(dump.getBytes(StandardCharsets.UTF_8));
            }
            try (OutputStream out = writer.entry("filestore/1", false)) {
                out.write(new byte[] {1, 2, 3});
            }
            Sealed sealed = writer.finish(new Manifest("test", 1, "17", "tenant", "acme", "backup", Instant.now(),
                    dumped, List.of()));
            assertThat(sealed.manifest().rowCounts()).isEqualTo(dumped);
        }
        byte[] backup = encrypted.toByteArray();
        assertThat(backup.length).as("the dump spans several 1 MB segments").isGreaterThan(3 << 20);

        try (Connection target = newDatabase()) {
            Map<String, RestoreResult> restored = new LinkedHashMap<>();
            Manifest manifest = BackupReader.read(new ByteArrayInputStream(backup), keys.streamingAead(), binding,
                    (name, content) -> {
                        if (name.equals("dump.sql")) {
                            restored.put(name, PostgresRestore.restore(target, content));
                        }
                    });
            assertThat(restored.get("dump.sql").rows()).isEqualTo(manifest.rowCounts());
            assertThat(PostgresRestore.rowCounts(target)).isEqualTo(manifest.rowCounts());
        }

        byte[] flipped = backup.clone();
        flipped[2 << 20] ^= 0x10;
        try (Connection target = newDatabase()) {
            assertThatThrownBy(() -> BackupReader.read(new ByteArrayInputStream(flipped), keys.streamingAead(), binding,
                    (name, content) -> PostgresRestore.restore(target, content)))
                    .isInstanceOf(VaultException.class).hasMessageContaining("failed authentication");
            assertThat(tables(target)).as("the rows already copied were rolled back").isZero();
        }
    }

    private static void assertTruncatedAt(Connection target, int length, String message) {
        assertThatThrownBy(() -> PostgresRestore.restore(target, utf8(dump.substring(0, length))))
                .as("cut at character %d", length).isInstanceOf(VaultException.class)
                .hasMessageContaining(message).hasMessageContaining("truncated").hasMessageMatching("(?s).*line \\d+.*");
        try {
            assertThat(tables(target)).as("cut at character %d", length).isZero();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int lineOf(int offset) {
        return (int) dump.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Tables, columns with defaults and identities, constraints, indexes and sequences, as the catalogs show them. */
    private static final List<String> CATALOG = List.of("""
            select concat_ws(' ', c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   a.attidentity, coalesce(pg_get_expr(d.adbin, d.adrelid), '-'))
              from pg_attribute a join pg_class c on c.oid = a.attrelid
              join pg_namespace n on n.oid = c.relnamespace
              left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
             where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
            """, """
            select concat_ws(' ', conrelid::regclass, conname, pg_get_constraintdef(oid)) from pg_constraint
             where connamespace = 'public'::regnamespace""", """
            select concat_ws(' ', indexname, indexdef) from pg_indexes where schemaname = 'public'""", """
            select concat_ws(' ', sequencename, data_type, start_value, min_value, max_value, increment_by, cycle,
                   cache_size, coalesce(last_value::text, 'never called'))
              from pg_sequences where schemaname = 'public'""");

    private static void awkwardDatabase(Connection c) throws Exception {
        execute(c, """
                create table contact (id bigint generated always as identity primary key,
                    name text not null unique, note text default 'a;b
                --not a comment ''quoted'' ends\\', data bytea, created timestamptz not null default now());
                create index contact_lower_name on contact (lower(name));
                create index contact_noted on contact (created) where note <> 'x;y' and note is not null;
                create table member (id bigint generated by default as identity primary key,
                    contact_id bigint not null references contact (id) on delete cascade,
                    sponsor bigint references member (id));
                create table kinds (id integer generated by default as identity (start with 100 increment by 7),
                    label text not null,
                    kind text check (kind in ('a;b', 'it''s', 'back\\', '"q"')) default 'a;b',
                    at timestamp, day date,
                    amount numeric(30,10), ratio double precision, flag boolean,
                    tags text[], scores integer[], doc jsonb, uid uuid, span interval,
                    constraint kinds_label_day unique (label, day));
                alter table kinds rename constraint kinds_kind_check to kind_known;
                create index kinds_tags on kinds using gin (tags);
                create table "Odd; \"\"Name\"\"\" ("semi;colon" text, "new
                line" integer, "select" int check ("select" > 0));
                create table empty_one (x int);
                create table settings (id integer primary key check (id = 1), lock integer not null default 10);
                insert into settings (id) values (1);
                insert into "Odd; \"\"Name\"\"\" values ('a;b', 1, 2), (E'c\\nd', null, 3);
                insert into kinds (label, kind, at, day, amount, ratio, flag, tags, scores, doc, uid, span) values
                    ('one', 'it''s', '2024-02-29 23:59:59.999999', '0044-03-15 BC', 12345678901234567890.0123456789,
                     'Infinity', true, '{"a,b","c\\"d",NULL,"","{x}", "tab\tin"}', '{1,NULL,-3}',
                     '{"a": [1, 2.5, null, true], "ü": "tab\\there", "q": "\\"quoted\\"", "n": {"deep": "\\\\."}}',
                     'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 year 2 mons -3 days 04:05:06.789'),
                    ('two', 'back\\', 'infinity', 'infinity', 'NaN', '-0', false, '{}', '{}', '[]', null, null),
                    ('three', null, '-infinity', null, -0.0000000001, 'NaN', null, null, null, 'null', null, null),
                    ('four', '"q"', null, '2000-01-01', 0, 1e-300, null, array[E'\\\\.', E'line\\nbreak'], null,
                     '"just a string"', null, '0');
                """);
        List<String> awkward = List.of("Zoë 名前 😀", "tab\there", "new\nline\r\n", "back\\slash \\N \\.", "\\.", "",
                "\\", "ends with a backslash\\", "'; drop table contact; --", "\\.\n\\.", "\u0001\u001f\u007f", BIG);
        Random random = new Random(11);
        try (PreparedStatement s = c.prepareStatement("insert into contact (name, note, data) values (?, ?, ?)")) {
            int i = 0;
            for (String value : awkward) {
                byte[] data = new byte[i * 37];
                random.nextBytes(data);
                s.setString(1, "contact " + i++);
                s.setString(2, value);
                s.setBytes(3, i == 3 ? "\\.\n".getBytes(StandardCharsets.UTF_8) : data);
                s.executeUpdate();
            }
            s.setString(1, "nulls");
            s.setString(2, null);
            s.setBytes(3, null);
            s.executeUpdate();
        }
        execute(c, """
                insert into member (contact_id) select id from contact order by id;
                update member set sponsor = id - 1 where id > 1;
                insert into member (id, contact_id) values (50, 1), (51, 2);
                delete from member where id in (select id from member where id < 50 order by id desc limit 11);
                select setval('member_id_seq', 2);
                insert into contact (name) values ('gone');
                delete from contact where name = 'gone';
                """);
    }

    /** A 3 MB value: longer than the restore's buffer, so one row crosses several reads. */
    private static String bigValue() {
        StringBuilder big = new StringBuilder();
        Random random = new Random(3);
        String alphabet = "abc\t\n\\.é😀 ";
        while (big.length() < 3 << 20) {
            big.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return big.toString();
    }

    private static List<String> rows(Connection c, String table) throws Exception {
        String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
        return sorted(c, "select t::text from public." + quoted + " t");
    }

    /** The values of a one-column query in byte order, whatever the database's collation. */
    private static List<String> sorted(Connection c, String query) throws Exception {
        return strings(c, "select v from (" + query + ") q (v) order by v collate \"C\"");
    }

    private static int tables(Connection c) throws Exception {
        return Integer.parseInt(strings(c, "select count(*) from pg_class where relnamespace = 'public'::regnamespace")
                .get(0));
    }

    private static List<String> strings(Connection c, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Connection newDatabase() throws Exception {
        String name = "restore_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            execute(admin, "create database " + name);
        }
        return postgres.getDatabase("postgres", name).getConnection();
    }
}
