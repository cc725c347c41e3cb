package app.strongroom.vault.location;

import app.strongroom.vault.VaultException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backup's file name: its UTC time and its id, {@code 20261123T013000Z-<uuid>.sbk}, so a directory listing sorts by
 * time and tells when each was made without the catalog.
 */
public record BackupName(Instant createdAt, UUID id) implements Comparable<BackupName> {
    public static final String SUFFIX = ".sbk";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{8}T\\d{6}Z)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.sbk");

    public BackupName {
        createdAt = createdAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public static BackupName at(Instant createdAt, UUID id) {
        return new BackupName(createdAt, id);
    }

    public static Optional<BackupName> parse(String fileName) {
        Matcher m = SHAPE.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new BackupName(Instant.from(TIME.parse(m.group(1))), UUID.fromString(m.group(2))));
    }

    public static BackupName of(String fileName) {
        return parse(fileName).orElseThrow(() -> new VaultException("not a backup file name: " + fileName));
    }

    public String fileName() {
        return TIME.format(createdAt) + "-" + id + SUFFIX;
    }

    /** Newest first. */
    @Override
    public int compareTo(BackupName other) {
        int byTime = other.createdAt.compareTo(createdAt);
        return byTime != 0 ? byTime : other.id.compareTo(id);
    }

    @Override
    public String toString() {
        return fileName();
    }
}
