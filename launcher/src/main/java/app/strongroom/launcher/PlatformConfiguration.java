package app.strongroom.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The system properties handed to the server (MicroProfile Config reads them): database, master key, first operator,
 * ports and TLS key store. Written to a file only the owner can read, so no secret shows on a command line.
 */
public final class PlatformConfiguration {
    private final Map<String, String> properties = new LinkedHashMap<>();

    public PlatformConfiguration database(DatabaseConnection db, String catalogDatabase) {
        put("strongroom.db.host", db.host());
        put("strongroom.db.port", Integer.toString(db.port()));
        put("strongroom.db.admin-user", db.adminUser());
        put("strongroom.db.admin-password", db.adminPassword());
        return put("strongroom.catalog.database", catalogDatabase);
    }

    public PlatformConfiguration put(String key, String value) {
        properties.put(key, value);
        return this;
    }

    public PlatformConfiguration keyStore(Path keyStore, String password) {
        put("javax.net.ssl.keyStore", keyStore.toAbsolutePath().toString());
        put("javax.net.ssl.keyStorePassword", password);
        return put("javax.net.ssl.keyStoreType", "PKCS12");
    }

    public Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    public Path writeTo(Path file) {
        String text = properties.entrySet().stream()
                .map(e -> escape(e.getKey()) + "=" + escape(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            StrongroomHome.writePrivate(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=").replace(":", "\\:");
    }
}
