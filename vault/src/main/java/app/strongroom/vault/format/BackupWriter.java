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
 *
 * <p>{@linkplain #plain Plain}, the same zip goes to the target unencrypted: a download of live data, which the
 * connection's TLS protects on its way to its owner. An abandoned plain backup is left without its manifest and the
 * zip's central directory, so no reader mistakes what was written for a whole backup.
 */
public final class BackupWriter implements Closeable {
    private static final int BUFFER = 1 << 20;

    private final Digests.Tap written;
    private final boolean encrypted;
    private final BufferedOutputStream buffered;
    private final ZipOutputStream zip;
    private final List<Manifest.Entry> entries = new ArrayList<>();
    private boolean entryOpen;
    private boolean sealed;

    private BackupWriter(Digests.Tap written, OutputStream zipTarget, boolean encrypted) {
        this.written = written;
        this.encrypted = encrypted;
        this.buffered = new BufferedOutputStream(zipTarget, BUFFER);
        this.zip = new ZipOutputStream(buffered);
    }

    public static BackupWriter open(OutputStream target, StreamingAead aead, byte[] binding) throws IOException {
        Digests.Tap tap = new Digests.Tap(target);
        try {
            return new BackupWriter(tap, aead.newEncryptingStream(tap, binding), true);
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot start encrypting the backup", e);
        }
    }

    /**
     * The backup written to {@code target} as a plain zip. Sealing it flushes but does not close {@code target}, which
     * stays its owner's; {@link Sealed#ciphertextSize()} and {@link Sealed#ciphertextSha256()} are then those of the zip.
     */
    public static BackupWriter plain(OutputStream target) {
        Digests.Tap tap = new Digests.Tap(target);
        return new BackupWriter(tap, tap, false);
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

    /** The entries written so far, each with its size and SHA-256, in order. */
    public List<Manifest.Entry> written() {
        return List.copyOf(entries);
    }

    /** Writes the manifest with every entry's size and digest, closes the zip and the encryption. */
    public Sealed finish(Manifest manifest) throws IOException {
        Manifest complete = manifest.withEntries(entries);
        zip.setLevel(Deflater.BEST_SPEED);
        zip.putNextEntry(new ZipEntry(Manifest.NAME));
        zip.write(complete.toJson());
        zip.closeEntry();
        if (encrypted) {
            zip.close();
        } else {
            zip.finish();
            buffered.flush();
        }
        sealed = true;
        return new Sealed(complete, written.count(), written.hexDigest());
    }

    /**
     * Abandons the backup unless it was sealed. Encrypted, the streams are closed and whatever was written is no
     * valid backup (the caller discards it). Plain, nothing more is written: closing the zip would add a central
     * directory that makes the part written look like a whole, smaller backup.
     */
    @Override
    public void close() throws IOException {
        if (sealed || !encrypted) {
            return;
        }
        try {
            zip.close();
        } catch (IOException ignored) {
            // Closing after a failure: the partial output is discarded by the caller.
        }
    }
}
