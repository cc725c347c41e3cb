package app.strongroom.vault.location;

import java.nio.file.Path;

/** A backup file found at a location: whose ({@code tenant}, or {@code catalog}), its name, where, how big. */
public record StoredBackup(String owner, BackupName name, Path file, long size) {
}
