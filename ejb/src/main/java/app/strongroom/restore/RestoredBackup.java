package app.strongroom.restore;

import app.strongroom.vault.format.Manifest;
import java.time.Duration;
import java.util.Map;

/** A backup restored and checked: its manifest, the rows each table got, the encrypted bytes read and the time taken. */
public record RestoredBackup(Manifest manifest, Map<String, Long> rows, long encryptedBytes, Duration took) {
    public RestoredBackup {
        rows = Map.copyOf(rows);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
