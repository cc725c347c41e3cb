package app.strongroom.vault.format;

import app.strongroom.vault.VaultException;
import com.google.crypto.tink.StreamingAead;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one backup as a single stream: zip entries go through a deflater (fast level for the SQL dump, none for
 * stored files, which are mostly compressed already), then the tenant's streaming AEAD, then the target. Nothing is
 * buffered beyond a segment, so memory stays bounded whatever the size. Each entry's size and SHA-256 are taken on the
 * way and written into the manifest, the last entry.
 */
public final class BackupWriter implements Closeable {
    private static final int BUFFER = 1 << 20;

    private final Digests.Tap ciphertext;
    private final OutputStream encrypting;
    private final ZipOutputStream zip;
    private final List<Manifest.Entry> entries = new ArrayList<>();
    private boolean entryOpen;

    private BackupWriter(Digests.Tap ciphertext, OutputStream encrypting) {
        this.ciphertext = ciphertext;
        this.encrypting = encrypting;
        this.zip = new ZipOutputStream(new BufferedOutputStream(encrypting, BUFFER));
    }

    public static BackupWriter open(OutputStream target, StreamingAead aead, byte[] binding) throws IOException {
        Digests.Tap tap = new Digests.Tap(target);
        try {
            return new BackupWriter(tap, aead.newEncryptingStream(tap, binding));
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot start encrypting the backup", e);
        }
    }

    /**
     * Opens the entry {@code name}; closing the returned stream ends it. {@code compress}: deflate at the fastest
     * level, or pass the bytes through uncompressed (stored files, mostly compressed already; the dump when speed
     * matters more than size).
     */
    public OutputStream entry(String name, boolean compress) throws IOException {
        if (entryOpen) {
            throw new IllegalStateException("the previous entry is still open");
        }
        zip.setLevel(compress ? Deflater.BEST_SPEED : Deflater.NO_COMPRESSION);
        zip.putNextEntry(new ZipEntry(name));
        entryOpen = true;
        Digests.Tap tap = new Digests.Tap(zip);
        return new FilterOutputStream(tap) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    zip.closeEntry();
                    entries.add(new Manifest.Entry(name, tap.count(), tap.hexDigest()));
                    entryOpen = false;
                }
            }
        };
    }

    /** Writes the manifest with every entry's size and digest, closes the zip and the encryption. */
    public Sealed finish(Manifest manifest) throws IOException {
        Manifest complete = manifest.withEntries(entries);
        zip.setLevel(Deflater.BEST_SPEED);
        zip.putNextEntry(new ZipEntry(Manifest.NAME));
        zip.write(complete.toJson());
        zip.closeEntry();
        zip.close();
        return new Sealed(complete, ciphertext.count(), ciphertext.hexDigest());
    }

    /** Abandons the backup: closes the streams without sealing; whatever was written is no valid backup. */
    @Override
    public void close() throws IOException {
        try {
            zip.close();
        } catch (IOException ignored) {
            // Closing after a failure: the partial output is discarded by the caller.
        }
    }
}
