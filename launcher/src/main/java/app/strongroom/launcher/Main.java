package app.strongroom.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./mvnw -Prun -DskipTests package}: starts PostgreSQL (embedded unless {@code STRONGROOM_DB_HOST} is set),
 * makes the certificate and secrets on first start, runs Payara Micro with the WAR and prints how to sign in.
 * Ctrl-C stops the server, then the database.
 */
public final class Main {
    private static final String CATALOG = "strongroom_catalog";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        StrongroomHome home = StrongroomHome.fromEnvironment();
        Path runtime = Path.of(System.getProperty("strongroom.runtime", "launcher/target/runtime"));
        int httpPort = intEnv("STRONGROOM_HTTP_PORT", 8080);
        int httpsPort = intEnv("STRONGROOM_HTTPS_PORT", 8181);

        EmbeddedDatabase embedded = null;
        DatabaseConnection db;
        Optional<String> externalHost = env("STRONGROOM_DB_HOST");
        if (externalHost.isPresent()) {
            db = new DatabaseConnection(externalHost.get(), intEnv("STRONGROOM_DB_PORT", 5432),
                    env("STRONGROOM_DB_ADMIN_USER").orElse("postgres"), env("STRONGROOM_DB_ADMIN_PASSWORD")
                    .orElseThrow(() -> new IllegalStateException("STRONGROOM_DB_ADMIN_PASSWORD is required with STRONGROOM_DB_HOST")));
        } else {
            say("Starting the embedded PostgreSQL (data in " + home.resolve("postgres") + ") ...");
            embedded = EmbeddedDatabase.start(home.resolve("postgres"), intEnv("STRONGROOM_EMBEDDED_DB_PORT", 15432),
                    home.secret("postgres-password", () -> StrongroomHome.randomHex(24)), false);
            db = embedded.connection();
        }
        Platform.ensureCatalogDatabase(db, CATALOG);

        Path keyStore;
        String keyStorePassword;
        String alias;
        Optional<String> configuredKeyStore = env("STRONGROOM_TLS_KEYSTORE");
        if (configuredKeyStore.isPresent()) {
            keyStore = Path.of(configuredKeyStore.get());
            keyStorePassword = env("STRONGROOM_TLS_KEYSTORE_PASSWORD").orElse("changeit");
            alias = env("STRONGROOM_TLS_ALIAS").orElse(SelfSignedCertificate.ALIAS);
        } else {
            keyStorePassword = home.secret("tls/keystore-password", () -> StrongroomHome.randomHex(16));
            keyStore = SelfSignedCertificate.ensure(home.resolve("tls/keystore.p12"), keyStorePassword.toCharArray());
            alias = SelfSignedCertificate.ALIAS;
        }
        String operatorLogin = env("STRONGROOM_OPERATOR_LOGIN").orElse("operator");
        Optional<String> chosenPassword = env("STRONGROOM_OPERATOR_PASSWORD");
        String operatorPassword = chosenPassword
                .orElseGet(() -> home.secret("operator-password", () -> StrongroomHome.randomHex(12)));
        String masterKey = env("STRONGROOM_MASTER_KEY")
                .orElseGet(() -> home.secret("master.key", () -> StrongroomHome.randomBase64(32)));

        PlatformConfiguration config = new PlatformConfiguration()
                .database(db, CATALOG)
                .put("strongroom.master-key", masterKey)
                .put("strongroom.operator.login", operatorLogin)
                .put("strongroom.operator.password", operatorPassword)
                .put("strongroom.https-port", Integer.toString(httpsPort))
                .keyStore(keyStore, keyStorePassword);
        env("STRONGROOM_PASSWORD_ITERATIONS").ifPresent(i -> config.put("strongroom.password.iterations", i));
        config.put("strongroom.files.dir", env("STRONGROOM_FILES_DIR").orElse(home.resolve("files").toAbsolutePath().toString()));
        config.put("strongroom.backup.dir", env("STRONGROOM_BACKUP_DIR").orElse(home.resolve("backups").toAbsolutePath().toString()));
        env("STRONGROOM_BACKUP_DAILY_AT").ifPresent(at -> config.put("strongroom.backup.daily-at", at));
        String sites = env("STRONGROOM_BACKUP_SITES").orElseGet(() -> standInSites(home));
        try {
            // Refused here, before anything starts, with the reason: the server would refuse them too, less visibly.
            app.strongroom.vault.site.SiteSettings.requireSpread(app.strongroom.vault.site.SiteSettings.parse(sites,
                    (site, field) -> env("STRONGROOM_BACKUP_SITE_" + site.toUpperCase(java.util.Locale.ROOT)
                            .replace('-', '_') + "_" + field.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))));
        } catch (RuntimeException refused) {
            say("Strongroom does not start: STRONGROOM_BACKUP_SITES: " + refused.getMessage());
            if (embedded != null) {
                embedded.close();
            }
            System.exit(2);
            return;
        }
        // Credentials stay in the environment, which the server inherits; they are never written to a file.
        config.put("strongroom.backup.sites", sites);
        boolean mailOutbox = env("STRONGROOM_MAIL_HOST").isEmpty();
        if (mailOutbox) {
            // Without an SMTP server, invitations and password links land as files, so every flow works on a laptop.
            config.put("strongroom.mail.outbox", home.resolve("outbox").toAbsolutePath().toString());
        }
        Path settings = config.writeTo(home.resolve("server.properties"));

        say("Starting Payara Micro (log: " + home.resolve("logs/server.log") + ") ...");
        MicroServer server;
        try {
            server = MicroServer.start(new MicroServer.Options(runtime.resolve("payara-micro.jar"),
                    runtime.resolve("strongroom.war"), httpPort, httpsPort, keyStore, keyStorePassword.toCharArray(),
                    alias, settings, PostBootCommands.write(home.resolve("post-boot.asadmin"), db), dataGrid(home),
                    home.resolve("logs/server.log"), "1g"), Duration.ofMinutes(5));
        } catch (IllegalStateException failed) {
            say(failed.getMessage());
            if (embedded != null) {
                embedded.close();
            }
            System.exit(1);
            return;
        }
        EmbeddedDatabase database = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping Strongroom ...");
            server.close();
            if (database != null) {
                database.close();
            }
            say("Stopped.");
        }));
        say("");
        say("Strongroom is running at " + server.httpsUrl() + "  (plain HTTP on port " + httpPort + " redirects there)");
        say("  The certificate is self-signed for development: your browser will ask you to accept it.");
        say("  Sign up a company at " + server.httpsUrl().resolve("signup.xhtml"));
        say("  Platform operator: " + server.httpsUrl().resolve("staff-login.xhtml") + "  login '" + operatorLogin
                + "', password " + chosenPassword.map(p -> "as set in STRONGROOM_OPERATOR_PASSWORD")
                .orElse("'" + operatorPassword + "'"));
        if (chosenPassword.isEmpty()) {
            say("  (generated at first start and kept in " + home.resolve("operator-password")
                    + "; set STRONGROOM_OPERATOR_PASSWORD before the first start to choose it)");
        }
        KeyPin.of(keyStore, keyStorePassword.toCharArray(), alias).ifPresent(pin -> say("  Command line: make a token"
                + " on the staff page \"API tokens\", then java -jar cli/target/strongroom-cli.jar --pin-sha256 " + pin
                + " jobs list"));
        if (mailOutbox) {
            say("  E-mail (invitations, password links) is written to " + home.resolve("outbox")
                    + "; set STRONGROOM_MAIL_HOST (and _PORT, _USER, _PASSWORD, _FROM) to send it by SMTP.");
        }
        say("  Backups: every tenant daily at " + env("STRONGROOM_BACKUP_DAILY_AT").orElse("01:30") + " UTC, encrypted, to "
                + env("STRONGROOM_BACKUP_DIR").orElse(home.resolve("backups").toString()) + ", then copied to "
                + (env("STRONGROOM_BACKUP_SITES").isPresent() ? "the sites of STRONGROOM_BACKUP_SITES."
                : "three stand-in sites under " + home.resolve("sites") + " (directories on this machine; set "
                + "STRONGROOM_BACKUP_SITES for real data centres)."));
        if (env("STRONGROOM_MASTER_KEY").isEmpty()) {
            say("  The master key that alone opens them is " + home.resolve("master.key")
                    + ": keep a copy somewhere else, and never beside a copy of the backups.");
        }
        say("Press Ctrl-C to stop.");
        int exit = server.waitFor();
        if (exit != 0 && exit != 143 && exit != 130) {
            say("Payara Micro exited with status " + exit + "; see " + home.resolve("logs/server.log"));
        }
    }

    /**
     * Three directory sites on two continents under the home directory: stand-ins for data centres, so the platform
     * runs on a laptop with the same rules (and the same code paths) as with real sites.
     */
    static String standInSites(StrongroomHome home) {
        return String.join(",",
                "eu-west|Europe|file:" + home.resolve("sites/eu-west").toAbsolutePath() + "|eu-west",
                "eu-central|Europe|file:" + home.resolve("sites/eu-central").toAbsolutePath() + "|eu-central",
                "us-east|North America|file:" + home.resolve("sites/us-east").toAbsolutePath() + "|us-east");
    }

    /**
     * One instance on this machine unless {@code STRONGROOM_DATA_GRID_MEMBERS} lists the {@code host:port} of every
     * instance (and {@code STRONGROOM_DATA_GRID_INTERFACE} the address to bind), for several servers sharing one grid.
     */
    private static DataGrid dataGrid(StrongroomHome home) {
        String name = home.secret("cluster-name", () -> "strongroom-" + StrongroomHome.randomHex(6));
        int port = intEnv("STRONGROOM_DATA_GRID_PORT", 6900);
        return env("STRONGROOM_DATA_GRID_MEMBERS")
                .map(members -> new DataGrid(name, port, List.of(members.split("\\s*,\\s*")),
                        env("STRONGROOM_DATA_GRID_INTERFACE").orElseThrow(() -> new IllegalStateException(
                                "STRONGROOM_DATA_GRID_INTERFACE is required with STRONGROOM_DATA_GRID_MEMBERS"))))
                .orElseGet(() -> DataGrid.onThisMachine(name, List.of(port), port));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    private static int intEnv(String name, int fallback) {
        return env(name).map(Integer::parseInt).orElse(fallback);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
