package app.strongroom.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Strongroom that is running, as the build wrote it; recorded in every backup's manifest. */
final class StrongroomVersion {
    private static final String VERSION = read();

    private StrongroomVersion() {
    }

    static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = StrongroomVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
