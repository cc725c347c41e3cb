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
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads backups back, trusting nothing: every segment's authentication tag (Tink refuses a flipped byte, swapped or
 * missing segments, a cut-off end, another tenant's key or binding) and then every entry's size and SHA-256 against
 * the manifest. Plaintext reaches its destination under a temporary name and takes the real one only when all of
 * that held; or, read as a stream, reaches a handler one authenticated segment at a time, the manifest checked at the
 * end.
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
        return read(encrypted, aead, binding, (name, content) -> { });
    }

    /** Takes one entry of a backup being read; see {@link #read}. */
    @FunctionalInterface
    public interface EntryHandler {
        void accept(String name, InputStream content) throws Exception;
    }

    /**
     * Decrypts as a stream, hands every entry but the manifest to {@code handler} as it comes, and checks them all
     * against the manifest at the end, like {@link #verify(InputStream, StreamingAead, byte[])}. What the handler
     * reads is authentic (each segment's tag is checked before its plaintext is released) and digested on the way;
     * what it leaves unread is digested afterwards, and closing the stream it gets only ends its own reading. An
     * altered or truncated backup fails while the handler reads, with the "failed authentication" refusal whatever
     * the handler made of the exception. Sizes and digests are compared only after the last entry, so what a handler
     * did with an entry may stand when that comparison fails; the authentication makes such a failure a writer's bug,
     * not tampering.
     *
     * @throws VaultException the backup was refused, or the handler failed (its unchecked exceptions pass as they are)
     */
    public static Manifest read(InputStream encrypted, StreamingAead aead, byte[] binding, EntryHandler handler) {
        Map<String, Manifest.Entry> seen = new HashMap<>();
        byte[] manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(decrypting(encrypted, aead, binding), BUFFER))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (Manifest.NAME.equals(name)) {
                    manifest = zip.readAllBytes();
                    continue;
                }
                if (seen.containsKey(name)) {
                    throw new VaultException("the backup holds the entry " + name + " twice: it is not one Strongroom "
                            + "wrote");
                }
                EntryContent content = new EntryContent(zip);
                try {
                    handler.accept(name, content);
                } catch (Exception e) {
                    throw handlerFailed(name, content, e);
                }
                seen.put(name, content.finish(name));
            }
        } catch (IOException e) {
            throw refused(e);
        }
        if (manifest == null) {
            throw new VaultException("the backup has no manifest: it is incomplete");
        }
        return compare(Manifest.fromJson(manifest), seen);
    }

    /**
     * A failure while the backup was being read is the backup's, reported as its refusal even if the handler wrapped
     * or replaced the exception; anything else is the handler's own.
     */
    private static RuntimeException handlerFailed(String name, EntryContent content, Exception e) {
        if (content.failure != null) {
            VaultException refused = refused(content.failure);
            if (e != content.failure) {
                refused.addSuppressed(e);
            }
            return refused;
        }
        if (e instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new VaultException("the backup's entry " + name + " could not be processed: " + e.getMessage(), e);
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

    /**
     * One entry's content as a handler reads it: every byte that passes is digested and counted; closing it leaves
     * the zip stream open for the entries that follow.
     */
    private static final class EntryContent extends InputStream {
        private final InputStream zip;
        private final MessageDigest sha = Digests.sha256();
        private long size;
        private boolean closed;
        /** The first failure reading the backup itself, so that it is reported as such whatever the handler did. */
        IOException failure;

        EntryContent(InputStream zip) {
            this.zip = zip;
        }

        @Override
        public int read() throws IOException {
            open();
            int b = pull();
            if (b >= 0) {
                sha.update((byte) b);
                size++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            open();
            Objects.checkFromIndexSize(off, len, b.length);
            return pull(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return closed ? 0 : zip.available();
        }

        @Override
        public void close() {
            closed = true;
        }

        /** Digests what the handler left unread; the content is not readable afterwards. */
        Manifest.Entry finish(String name) throws IOException {
            closed = true;
            if (failure != null) {
                // The handler swallowed it; the stream is not to be trusted past it.
                throw failure;
            }
            byte[] buffer = new byte[BUFFER];
            while (pull(buffer, 0, buffer.length) >= 0) {
                // pull() digests.
            }
            return new Manifest.Entry(name, size, Digests.hex(sha.digest()));
        }

        private void open() throws IOException {
            if (closed) {
                throw new IOException("the content of this backup entry was closed, or its handler has returned");
            }
        }

        private int pull() throws IOException {
            try {
                return zip.read();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private int pull(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = zip.read(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
            if (n > 0) {
                sha.update(b, off, n);
                size += n;
            }
            return n;
        }

        private IOException failed(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
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
