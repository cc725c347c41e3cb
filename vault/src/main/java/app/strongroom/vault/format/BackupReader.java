package app.strongroom.vault.format;

import app.strongroom.vault.VaultException;
import com.google.crypto.tink.StreamingAead;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads backups back, trusting nothing: every segment's authentication tag (Tink refuses a flipped byte, swapped or
 * missing segments, a cut-off end, another tenant's key or binding) and then every entry's size and SHA-256 against
 * the manifest. Plaintext reaches its destination under a temporary name and takes the real one only when all of
 * that held.
 */
public final class BackupReader {
    private static final int BUFFER = 1 << 16;

    private BackupReader() {
    }

    /** Decrypts to {@code target} (a plain zip) and checks it; on any failure nothing is left at {@code target}. */
    public static Manifest decryptTo(InputStream encrypted, StreamingAead aead, byte[] binding, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            ownerOnly(partial);
            try (InputStream plain = decrypting(encrypted, aead, binding);
                 OutputStream out = Files.newOutputStream(partial)) {
                plain.transferTo(out);
            }
            Manifest manifest = verify(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw refused(e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** Decrypts as a stream and checks every entry against the manifest, keeping nothing. */
    public static Manifest verify(InputStream encrypted, StreamingAead aead, byte[] binding) {
        Map<String, Manifest.Entry> seen = new HashMap<>();
        byte[] manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(decrypting(encrypted, aead, binding), BUFFER))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (Manifest.NAME.equals(entry.getName())) {
                    manifest = zip.readAllBytes();
                } else {
                    seen.put(entry.getName(), digest(entry.getName(), zip));
                }
            }
        } catch (IOException e) {
            throw refused(e);
        }
        if (manifest == null) {
            throw new VaultException("the backup has no manifest: it is incomplete");
        }
        return compare(Manifest.fromJson(manifest), seen);
    }

    /** Checks a decrypted backup zip on disk against its manifest. */
    public static Manifest verify(Path zipFile) {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(Manifest.NAME);
            if (manifestEntry == null) {
                throw new VaultException("the backup has no manifest: it is incomplete");
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = Manifest.fromJson(in.readAllBytes());
            }
            Map<String, Manifest.Entry> seen = new HashMap<>();
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!Manifest.NAME.equals(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        seen.put(entry.getName(), digest(entry.getName(), in));
                    }
                }
            }
            return compare(manifest, seen);
        } catch (IOException e) {
            throw new VaultException("the backup is not a readable zip: " + e.getMessage(), e);
        }
    }

    /** The decrypted stream of a backup; reading it fails with an IOException at the first segment that is not right. */
    public static InputStream decrypting(InputStream encrypted, StreamingAead aead, byte[] binding) throws IOException {
        try {
            return aead.newDecryptingStream(encrypted, binding);
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Manifest.Entry digest(String name, InputStream in) throws IOException {
        MessageDigest sha = Digests.sha256();
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
            size += n;
        }
        return new Manifest.Entry(name, size, Digests.hex(sha.digest()));
    }

    private static Manifest compare(Manifest manifest, Map<String, Manifest.Entry> seen) {
        for (Manifest.Entry expected : manifest.entries()) {
            Manifest.Entry actual = seen.remove(expected.name());
            if (actual == null) {
                throw new VaultException("the backup lacks " + expected.name() + ", which its manifest lists");
            }
            if (!actual.equals(expected)) {
                throw new VaultException("the entry " + expected.name() + " does not match its manifest (size "
                        + actual.size() + " for " + expected.size() + ", or another SHA-256)");
            }
        }
        if (!seen.isEmpty()) {
            throw new VaultException("the backup holds entries its manifest does not list: " + seen.keySet());
        }
        return manifest;
    }

    private static VaultException refused(IOException e) {
        return new VaultException("the backup failed authentication and was refused: it was altered, truncated, or "
                + "written for another tenant, backup or key (" + e.getMessage() + ")", e);
    }

    /** A decrypted backup is the whole of a tenant's data in clear: only its owner may read it. */
    private static void ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The failure that got us here is the one to report.
        }
    }
}
