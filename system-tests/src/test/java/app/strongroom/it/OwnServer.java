package app.strongroom.it;

import app.strongroom.launcher.DataGrid;
import app.strongroom.launcher.MicroServer;
import app.strongroom.launcher.PlatformConfiguration;
import app.strongroom.launcher.SelfSignedCertificate;
import app.strongroom.launcher.StrongroomHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A server of a test class's own, on a catalog of its own, for tests that kill servers or restart them with other
 * settings; the shared test server goes on serving the other classes.
 */
final class OwnServer {
    private OwnServer() {
    }

    /**
     * Starts a server whose files are under {@code dir}, on {@code catalog}, with the test platform's settings as
     * changed by {@code settings}; its log is {@code dir/server.log}.
     */
    static MicroServer start(Path dir, String catalog, Consumer<PlatformConfiguration> settings) {
        return start(dir, catalog, "768m", settings);
    }

    /** As {@link #start(Path, String, Consumer)}, on a heap of {@code heap} (a JVM size such as 512m). */
    static MicroServer start(Path dir, String catalog, String heap, Consumer<PlatformConfiguration> settings) {
        int http = TestPlatform.freePort();
        int https = TestPlatform.freePort();
        PlatformConfiguration configuration = TestPlatform.settings()
                .put("strongroom.https-port", Integer.toString(https))
                .put("strongroom.catalog.database", catalog)
                .put("strongroom.operator.password", TestPlatform.operatorPassword());
        settings.accept(configuration);
        Path file = configuration.writeTo(dir.resolve("micro.properties"));
        int gridPort = TestPlatform.freePort();
        return MicroServer.start(new MicroServer.Options(Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("strongroom.war")), http, https, TestPlatform.keyStore(),
                TestPlatform.KEYSTORE_PASSWORD.toCharArray(), SelfSignedCertificate.ALIAS, file,
                TestPlatform.postBootCommands(dir.resolve("post-boot.asadmin")),
                DataGrid.onThisMachine("strongroom-own-" + StrongroomHome.randomHex(6), List.of(gridPort), gridPort),
                dir.resolve("server.log"), heap), Duration.ofMinutes(3));
    }
}
