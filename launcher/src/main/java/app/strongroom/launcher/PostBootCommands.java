package app.strongroom.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The asadmin commands Payara Micro runs after boot, before deploying Strongroom: Payara's own monitoring endpoints
 * switched off ({@code monitoring-off.asadmin}; Strongroom serves {@code /health} and {@code /metrics} itself) and the
 * Jakarta Batch job repository in PostgreSQL (its own database, {@value #BATCH_DATABASE},
 * on the catalog's server), so job history survives restarts and a run cut short by a crash can be told and resumed.
 * Payara Server domains need the same three job-repository commands once.
 */
public final class PostBootCommands {
    public static final String BATCH_DATABASE = "strongroom_batch";
    private static final String POOL = "strongroom-batch-pool";
    public static final String RESOURCE = "jdbc/strongroom-batch";

    private PostBootCommands() {
    }

    /** Writes the command file for {@code --postbootcommandfile}; the batch database is created if missing. */
    public static Path write(Path file, DatabaseConnection db) {
        Platform.ensureCatalogDatabase(db, BATCH_DATABASE);
        try (java.io.InputStream monitoring = PostBootCommands.class.getResourceAsStream("monitoring-off.asadmin")) {
            if (monitoring == null) {
                throw new IllegalStateException("monitoring-off.asadmin is missing from the launcher");
            }
            List<String> commands = new java.util.ArrayList<>(
                    new String(monitoring.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            commands.addAll(jobRepository(db));
            Files.createDirectories(file.getParent());
            Files.write(file, commands, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> jobRepository(DatabaseConnection db) {
        String properties = String.join(":", "user=" + escape(db.adminUser()), "password=" + escape(db.adminPassword()),
                "serverName=" + escape(db.host()), "portNumber=" + db.port(), "databaseName=" + BATCH_DATABASE);
        return List.of(
                "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                        + " --restype=javax.sql.DataSource --steadypoolsize=0 --maxpoolsize=8 --property " + properties + " " + POOL,
                "create-jdbc-resource --connectionpoolid=" + POOL + " " + RESOURCE,
                "set-batch-runtime-configuration --dataSourceLookupName=" + RESOURCE);
    }

    /** asadmin's property syntax: {@code \ : =} are escaped with a backslash. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    /** The PostgreSQL driver jar, for {@code --addlibs}: the job repository's pool is the server's, not the app's. */
    public static Path postgresDriver() {
        try {
            return Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the PostgreSQL driver jar", e);
        }
    }
}
