package app.strongroom.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/** What the benchmarks share: a large tenant's rows, sites of their own, a clean directory. */
final class Benchmarks {
    private Benchmarks() {
    }

    /** About {@code rowsMb} MB of contacts, about 1 KB a row of text that compresses like prose, vacuumed. */
    static void fillContacts(Connection c, int rowsMb) throws SQLException {
        c.createStatement().execute("insert into contact (name, email, city, notes, created_at, updated_at) "
                + "select 'Contact ' || g, 'c' || g || '@example.org', 'City ' || (g % 500), "
                + "(select string_agg(md5((g * 31 + i)::text), ' ') from generate_series(1, 30) i), now(), now() "
                + "from generate_series(1, " + (rowsMb * 1000) + ") g");
        c.createStatement().execute("vacuum analyze contact");
    }

    /** Three directory sites under {@code dir} on two continents, so that replication does not reach the test's. */
    static String directorySites(Path dir) {
        return String.join(",", List.of(
                "bench-paris|Europe|file:" + dir.resolve("sites").resolve("paris") + "|eu-west-3",
                "bench-frankfurt|Europe|file:" + dir.resolve("sites").resolve("frankfurt") + "|eu-central-1",
                "bench-virginia|North America|file:" + dir.resolve("sites").resolve("virginia") + "|us-east-1"));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
