package app.strongroom.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL started from Maven artifacts (zonky). Unlike zonky's default it requires passwords
 * (scram-sha-256) from every role, the superuser included, so tenant roles are confined exactly as on a real server.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} (kept between runs unless {@code throwaway}) and {@code port}
     * (0: any free port).
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, String superuserPassword, boolean throwaway) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            Path passwordFile = dataDirectory.getParent().resolve(dataDirectory.getFileName() + ".pwfile");
            StrongroomHome.writePrivate(passwordFile, superuserPassword + "\n");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(throwaway)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // initdb takes extra options through the locale settings: set the superuser's password at creation.
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setDataDirectoryCustomizer(dir -> requirePasswords(dir.toPath()))
                    .setConnectConfig("password", superuserPassword)
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky starts PostgreSQL with fsync off for speed; data kept between runs must survive a crash.
                    .setServerConfig("fsync", throwaway ? "off" : "on")
                    .setServerConfig("synchronous_commit", throwaway ? "off" : "on")
                    .setServerConfig("max_connections", "300");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            Files.deleteIfExists(passwordFile);
            return new EmbeddedDatabase(postgres, superuserPassword);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    private static void requirePasswords(Path dataDirectory) {
        String hba = """
                # Written by Strongroom: every role authenticates with a password, the superuser included.
                local   all   all                  scram-sha-256
                host    all   all   127.0.0.1/32   scram-sha-256
                host    all   all   ::1/128        scram-sha-256
                """;
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), hba);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DatabaseConnection connection() {
        return new DatabaseConnection("localhost", postgres.getPort(), SUPERUSER, password);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
