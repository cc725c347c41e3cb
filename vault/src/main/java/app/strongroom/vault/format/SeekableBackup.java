package app.strongroom.vault.format;

import app.strongroom.vault.VaultException;
import com.google.crypto.tink.StreamingAead;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.GeneralSecurityException;

/**
 * An encrypted backup read at any plaintext offset, through Tink's seekable decryption: only the segments that hold
 * the bytes asked for are read and decrypted, each authenticated by its tag before a byte of it is released, so a
 * resumed download never decrypts from the start. A segment that fails authentication fails the read with a
 * {@link VaultException}; bytes before it were authentic.
 */
public final class SeekableBackup implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final SeekableByteChannel ciphertext;
    private final SeekableByteChannel plaintext;
    private final long size;
    private boolean sizeConfirmed;

    private SeekableBackup(SeekableByteChannel ciphertext, SeekableByteChannel plaintext, long size) {
        this.ciphertext = ciphertext;
        this.plaintext = plaintext;
        this.size = size;
    }

    /**
     * Opens {@code ciphertext} (a backup written with a key of {@code aead}'s keyset, bound to {@code binding}); the
     * channel is closed with this.
     *
     * @throws VaultException the file's size is none a backup can have
     */
    public static SeekableBackup open(SeekableByteChannel ciphertext, StreamingAead aead, byte[] binding)
            throws IOException {
        long size;
        try {
            size = SegmentLayout.AES256_GCM_HKDF_1MB.plaintextSize(ciphertext.size());
        } catch (IllegalArgumentException e) {
            ciphertext.close();
            throw new VaultException("the backup is damaged: " + e.getMessage(), e);
        }
        try {
            return new SeekableBackup(ciphertext, aead.newSeekableDecryptingChannel(ciphertext, binding), size);
        } catch (GeneralSecurityException e) {
            ciphertext.close();
            throw refused(new IOException(e.getMessage(), e));
        }
    }

    /** The plaintext size, known from the file's size before anything is decrypted. */
    public long size() {
        return size;
    }

    /**
     * Writes the {@code length} plaintext bytes from {@code first} on to {@code out}.
     *
     * @throws VaultException a segment failed authentication, or the backup ended early: what was written before it
     *                        is authentic, the rest must not be taken for the backup
     * @throws IOException    {@code out} could not be written (the client went away)
     */
    public void copy(long first, long length, OutputStream out) throws IOException {
        if (first < 0 || length < 0 || first + length > size) {
            throw new IllegalArgumentException("bytes " + first + " to " + (first + length - 1) + " are not within "
                    + size);
        }
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long remaining = length;
        try {
            plaintext.position(first);
        } catch (IOException e) {
            throw refused(e);
        }
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
            int read = read(buffer);
            out.write(buffer.array(), 0, read);
            remaining -= read;
        }
    }

    private int read(ByteBuffer buffer) {
        try {
            int read = plaintext.read(buffer);
            if (read <= 0) {
                throw new VaultException("the backup ended before its last byte: it was cut short");
            }
            if (!sizeConfirmed) {
                // Tink knows the size once it found the key; the layout and Tink must agree or this is no backup.
                if (plaintext.size() != size) {
                    throw new VaultException("the backup's size does not match its segments: it is damaged");
                }
                sizeConfirmed = true;
            }
            return read;
        } catch (IOException e) {
            throw refused(e);
        }
    }

    private static VaultException refused(IOException e) {
        return new VaultException("the backup failed authentication and was refused: it was altered, truncated, or "
                + "written for another tenant, backup or key (" + e.getMessage() + ")", e);
    }

    @Override
    public void close() throws IOException {
        try {
            plaintext.close();
        } finally {
            ciphertext.close();
        }
    }
}
