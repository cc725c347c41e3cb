package app.strongroom.vault.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.vault.VaultException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The dump against a real PostgreSQL: awkward values survive, the schema comes back with its keys, checks, indexes and
 * identity positions, and what the dump cannot represent is refused. (psql itself restores dumps in the system tests.)
 */
class PostgresDumpTest {
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void awkwardValuesAndTheWholeSchemaSurviveARoundTrip() throws Exception {
        String big = "x".repeat(1024 * 1024);
        List<String> awkward = List.of("Zoë 名前 😀", "tab\there", "new\nline\r\n", "back\\slash \\N \\.", big, "\\.");
        try (Connection c = connect("source")) {
            schema(c);
            try (PreparedStatement s = c.prepareStatement("insert into contact (name, note) values (?, ?)")) {
                for (String value : awkward) {
                    s.setString(1, value.length() > 100 ? "big" : value);
                    s.setString(2, value);
                    s.executeUpdate();
                }
                s.setString(1, "nothing");
                s.setString(2, null);
                s.executeUpdate();
            }
            c.createStatement().execute("insert into member (contact_id) select id from contact");
            c.createStatement().execute("delete from contact where name = 'nothing'");
        }
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        Map<String, Long> rows;
        try (Connection c = connect("source")) {
            rows = PostgresDump.write(c, dump);
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(rows).containsEntry("contact", 6L).containsEntry("member", 6L).containsEntry("settings", 1L);

        try (Connection c = connect("restored")) {
            restore(c, dump.toString(StandardCharsets.UTF_8));
            List<String> notes = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("select note from contact order by id")) {
                while (r.next()) {
                    notes.add(r.getString(1));
                }
            }
            assertThat(notes).containsExactlyElementsOf(awkward);
            assertThatThrownBy(() -> c.createStatement().execute("insert into settings (id) values (2)"))
                    .as("the check constraint came back").hasMessageContaining("check");
            assertThatThrownBy(() -> c.createStatement().execute("insert into member (contact_id) values (999)"))
                    .as("the foreign key came back").hasMessageContaining("foreign key");
            assertThatThrownBy(() -> c.createStatement().execute("insert into contact (id, name) values (99, 'x')"))
                    .as("still generated always").hasMessageContaining("GENERATED ALWAYS");
            try (ResultSet r = c.createStatement().executeQuery(
                    "insert into contact (name) values ('after') returning id")) {
                r.next();
                assertThat(r.getLong(1)).as("the sequence continues after the last id").isEqualTo(8);
            }
            try (ResultSet r = c.createStatement().executeQuery(
                    "select indexdef from pg_indexes where indexname = 'contact_lower_name'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).contains("lower");
            }
        }
    }

    @Test
    void withheldColumnsAreWrittenAsNullAndOnlyNullableOnesCanBe() throws Exception {
        try (Connection c = connect("withheld")) {
            c.createStatement().execute("create table account (id int primary key, login text not null, secret text);"
                    + "insert into account values (1, 'ann', 'hash-of-ann'), (2, 'bob', null)");
            ByteArrayOutputStream dump = new ByteArrayOutputStream();
            Map<String, Long> rows = PostgresDump.write(c, dump, java.util.Set.of(),
                    Map.of("account", java.util.Set.of("secret")), snapshot -> { });
            assertThat(rows).containsEntry("account", 2L);
            assertThat(dump.toString(StandardCharsets.UTF_8)).doesNotContain("hash-of-ann").contains("ann");
            try (Connection restored = connect("withheld_restored")) {
                restore(restored, dump.toString(StandardCharsets.UTF_8));
                try (ResultSet r = restored.createStatement().executeQuery(
                        "select login || ':' || coalesce(secret, '-') from account order by id")) {
                    List<String> accounts = new ArrayList<>();
                    while (r.next()) {
                        accounts.add(r.getString(1));
                    }
                    assertThat(accounts).containsExactly("ann:-", "bob:-");
                }
            }
            assertThatThrownBy(() -> PostgresDump.write(c, new ByteArrayOutputStream(), java.util.Set.of(),
                    Map.of("account", java.util.Set.of("login")), snapshot -> { }))
                    .isInstanceOf(VaultException.class).hasMessageContaining("account.login cannot be withheld");
        }
    }

    @Test
    void whatTheDumpCannotRepresentIsRefused() throws Exception {
        try (Connection c = connect("withview")) {
            c.createStatement().execute("create table t (x int); create view v as select x from t");
            assertThatThrownBy(() -> PostgresDump.write(c, new ByteArrayOutputStream()))
                    .isInstanceOf(VaultException.class).hasMessageContaining("view or other relation v");
        }
    }

    private static void schema(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create table contact (id bigint generated always as identity primary key,
                        name varchar(200) not null unique, note text, created timestamptz not null default now());
                    create index contact_lower_name on contact (lower(name));
                    create table member (id bigint generated by default as identity primary key,
                        contact_id bigint not null references contact (id) on delete cascade);
                    create table settings (id integer primary key check (id = 1), lock integer not null default 10);
                    insert into settings (id) values (1);
                    """);
        }
    }

    private static Connection connect(String database) throws Exception {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet r = exists.executeQuery()) {
                if (!r.next()) {
                    admin.createStatement().execute("create database " + database);
                }
            }
        }
        return postgres.getDatabase("postgres", database).getConnection();
    }

    /** Plays a dump the way psql would: statements, and COPY blocks fed from the lines that follow them. */
    private static void restore(Connection c, String dump) throws Exception {
        BufferedReader lines = new BufferedReader(new StringReader(dump));
        StringBuilder statement = new StringBuilder();
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("--") || line.isEmpty() && statement.length() == 0) {
                continue;
            }
            if (line.startsWith("COPY ") && line.endsWith("FROM stdin;")) {
                StringBuilder data = new StringBuilder();
                for (String row; !(row = lines.readLine()).equals("\\."); ) {
                    data.append(row).append('\n');
                }
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(line.substring(0, line.length() - 1),
                        new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8)));
                continue;
            }
            statement.append(line).append('\n');
            if (line.endsWith(";")) {
                c.createStatement().execute(statement.toString());
                statement.setLength(0);
            }
        }
    }
}
