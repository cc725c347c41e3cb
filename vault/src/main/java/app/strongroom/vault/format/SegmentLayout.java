package app.strongroom.vault.format;

/**
 * Where plaintext lies in a file written by Tink's streaming AEAD: a header, then segments of ciphertext, each ending
 * in an authentication tag; the first segment also carries the header, so it holds that much less plaintext. With it a
 * backup's plaintext size and the segment holding any plaintext offset follow from the file's size alone, before
 * anything is decrypted.
 */
public record SegmentLayout(int segmentSize, int headerSize, int tagSize) {
    /**
     * AES256_GCM_HKDF_1MB, the type of every tenant key ({@code keys.TenantKeyset}): 1 MiB segments, a header of one
     * length byte, a 32-byte salt and a 7-byte nonce prefix, and a 16-byte GCM tag per segment.
     */
    public static final SegmentLayout AES256_GCM_HKDF_1MB = new SegmentLayout(1 << 20, 1 + 32 + 7, 16);

    public SegmentLayout {
        if (segmentSize <= headerSize + tagSize || headerSize < 0 || tagSize < 0) {
            throw new IllegalArgumentException("a segment must hold its header and tag and some plaintext");
        }
    }

    /** Plaintext in a full segment other than the first. */
    public long plaintextPerSegment() {
        return segmentSize - tagSize;
    }

    /** Plaintext in the first segment, which also holds the header. */
    public long plaintextInFirstSegment() {
        return segmentSize - headerSize - tagSize;
    }

    /**
     * The plaintext size of a file of {@code ciphertextSize} bytes.
     *
     * @throws IllegalArgumentException no file this layout writes has that size (cut short inside a header or a tag)
     */
    public long plaintextSize(long ciphertextSize) {
        if (ciphertextSize < headerSize + tagSize) {
            throw new IllegalArgumentException(ciphertextSize + " bytes are too few for an encrypted stream");
        }
        long fullSegments = ciphertextSize / segmentSize;
        long rest = ciphertextSize % segmentSize;
        if (rest > 0 && rest < tagSize) {
            throw new IllegalArgumentException(ciphertextSize + " bytes end inside a segment's tag");
        }
        long segments = fullSegments + (rest > 0 ? 1 : 0);
        long plaintext = ciphertextSize - headerSize - segments * tagSize;
        if (plaintext < 0) {
            throw new IllegalArgumentException(ciphertextSize + " bytes end inside the first segment's tag");
        }
        return plaintext;
    }

    /** The segment (from 0) that holds the plaintext byte at {@code plaintextOffset}. */
    public long segmentOf(long plaintextOffset) {
        if (plaintextOffset < 0) {
            throw new IllegalArgumentException("negative offset " + plaintextOffset);
        }
        return (plaintextOffset + headerSize) / plaintextPerSegment();
    }

    /** Where segment {@code segment}'s ciphertext begins in the file. */
    public long ciphertextOffsetOf(long segment) {
        if (segment < 0) {
            throw new IllegalArgumentException("negative segment " + segment);
        }
        return segment == 0 ? headerSize : segment * segmentSize;
    }
}
