package app.strongroom.files;

import app.strongroom.catalog.TenantId;
import app.strongroom.keys.TenantKeys;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.vault.format.BackupBinding;
import app.strongroom.vault.format.Digests;
import app.strongroom.vault.keys.TenantKeyset;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Encrypted file contents on disk, one directory per tenant: {@code <files dir>/<tenant>/<file key>.bin}. A file is
 * written under a temporary name and renamed once whole. A discarded file waits a day in {@code trash/} so a backup
 * reading the snapshot it was still part of finds it; then it is gone.
 */
@ApplicationScoped
public class FileStore {
    private static final Duration TRASH_KEPT = Duration.ofDays(1);
    private static final int BUFFER = 1 << 16;

    @Inject
    PlatformSettings settings;
    @EJB
    TenantKeys keys;

    /** What was written: plaintext size and SHA-256, and the id of the key that encrypted it. */
    public record Written(long size, String sha256, int keyId) {
    }

    /** The content was longer than the limit; nothing was kept. */
    public static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
    }

    public Written write(TenantId tenant, UUID fileKey, InputStream content, long maxBytes) throws TooLarge {
        Path target = file(tenant, fileKey);
        Path partial = target.resolveSibling(fileKey + ".partial");
        TenantKeyset keyset = keys.keyset(tenant);
        try {
            Files.createDirectories(target.getParent());
            Digests.Tap plain;
            try (OutputStream disk = Files.newOutputStream(partial);
                 OutputStream encrypting = keyset.streamingAead().newEncryptingStream(disk,
                         BackupBinding.storedFile(tenant.value().toString(), fileKey.toString()))) {
                plain = new Digests.Tap(encrypting);
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = content.read(buffer)) > 0; ) {
                    if (plain.count() + n > maxBytes) {
                        throw new TooLarge();
                    }
                    plain.write(buffer, 0, n);
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new Written(plain.count(), plain.hexDigest(), keyset.primaryKeyId());
        } catch (TooLarge | RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        } catch (IOException | GeneralSecurityException e) {
            deleteQuietly(partial);
            throw new IllegalStateException("the file could not be stored: " + e.getMessage(), e);
        }
    }

    /** Whether the store holds the file (not counting the trash). */
    public boolean has(TenantId tenant, UUID fileKey) {
        return Files.isRegularFile(file(tenant, fileKey));
    }

    /** The decrypted content; reading fails if a byte of it was altered. Looks in the trash too (see class). */
    public InputStream open(TenantId tenant, UUID fileKey) throws IOException {
        Path live = file(tenant, fileKey);
        Path source = Files.exists(live) ? live : trash(tenant).resolve(fileKey + ".bin");
        try {
            return keys.keyset(tenant).streamingAead().newDecryptingStream(Files.newInputStream(source),
                    BackupBinding.storedFile(tenant.value().toString(), fileKey.toString()));
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Moves the file to the trash, and empties the trash of what lay there longer than a day. */
    public void discard(TenantId tenant, UUID fileKey) {
        Path trash = trash(tenant);
        try {
            Files.createDirectories(trash);
            Path moved = trash.resolve(fileKey + ".bin");
            Files.move(file(tenant, fileKey), moved, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(moved, FileTime.from(Instant.now()));
            emptyTrash(trash);
        } catch (NoSuchFileException gone) {
            // Already gone: nothing to discard.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties every tenant's trash of what lay there longer than a day (daily, so nothing deleted lingers). */
    public void sweepTrash() {
        Path root = settings.filesDirectory();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> tenants = Files.list(root)) {
            for (Path tenant : tenants.toList()) {
                Path trash = tenant.resolve("trash");
                if (Files.isDirectory(trash)) {
                    emptyTrash(trash);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void emptyTrash(Path trash) throws IOException {
        Instant cutoff = Instant.now().minus(TRASH_KEPT);
        try (Stream<Path> old = Files.list(trash)) {
            for (Path p : old.toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Removes every file of the tenant (its deletion); without its key they were unreadable already. */
    public void destroyTenant(TenantId tenant) {
        Path dir = settings.filesDirectory().resolve(tenant.value().toString());
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(TenantId tenant, UUID fileKey) {
        return settings.filesDirectory().resolve(tenant.value().toString()).resolve(fileKey + ".bin");
    }

    private Path trash(TenantId tenant) {
        return settings.filesDirectory().resolve(tenant.value().toString()).resolve("trash");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The failure being reported matters more than a stray temporary file.
        }
    }
}
