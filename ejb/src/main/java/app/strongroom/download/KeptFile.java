package app.strongroom.download;

import java.time.Instant;
import java.util.UUID;

/**
 * A kept backup as a download: its id, when it was made, its plaintext size (the zip's), a strong validator and the
 * file name it is saved under. The validator names the backup and its ciphertext's digest, neither of them secret;
 * a backup never changes, so neither does it.
 */
public record KeptFile(UUID id, Instant madeAt, long size, String etag, String fileName) {
}
