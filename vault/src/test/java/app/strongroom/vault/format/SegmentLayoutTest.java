package app.strongroom.vault.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.vault.keys.TenantKeyset;
import com.google.crypto.tink.StreamingAead;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plaintext-offset arithmetic, checked against Tink's own decryption on files around every boundary. */
class SegmentLayoutTest {
    private static final SegmentLayout LAYOUT = SegmentLayout.AES256_GCM_HKDF_1MB;
    private static final int MIB = 1 << 20;
    private static final long FIRST = MIB - 40 - 16;
    private static final long OTHER = MIB - 16;

    private final StreamingAead aead = TenantKeyset.generate("6f1c2a52-4a51-4f0e-9c3c-0d6b7a1e2f30").streamingAead();

    @Test
    void thePlaintextSizeFollowsFromTheFileSizeExactlyAsTinkDecryptsIt() throws Exception {
        for (long plaintext : List.of(0L, 1L, FIRST - 1, FIRST, FIRST + 1, FIRST + OTHER - 1, FIRST + OTHER,
                FIRST + OTHER + 1, FIRST + 2 * OTHER, 3L * MIB + 17)) {
            byte[] ciphertext = encrypt(plaintext);
            assertThat(LAYOUT.plaintextSize(ciphertext.length)).as("plaintext of %d bytes", plaintext).isEqualTo(plaintext);
            if (plaintext == 0) {
                // Tink answers no size until a read returned a byte, and an empty stream returns none.
                continue;
            }
            try (SeekableByteChannel tink = aead.newSeekableDecryptingChannel(new InMemoryChannel(ciphertext), new byte[0])) {
                assertThat(tink.read(ByteBuffer.allocate(1))).isEqualTo(1);
                assertThat(tink.size()).isEqualTo(plaintext);
            }
        }
    }

    @Test
    void aFileCutInsideAHeaderOrATagHasNoPlaintextSize() {
        assertThatThrownBy(() -> LAYOUT.plaintextSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LAYOUT.plaintextSize(40 + 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LAYOUT.plaintextSize(MIB + 15L)).hasMessageContaining("inside a segment's tag");
        assertThat(LAYOUT.plaintextSize(40 + 16)).isZero();
        assertThat(LAYOUT.plaintextSize(MIB + 16L)).isEqualTo(FIRST);
    }

    @Test
    void eachPlaintextOffsetLiesInTheSegmentThatHoldsIt() {
        assertThat(LAYOUT.segmentOf(0)).isZero();
        assertThat(LAYOUT.segmentOf(FIRST - 1)).isZero();
        assertThat(LAYOUT.segmentOf(FIRST)).isEqualTo(1);
        assertThat(LAYOUT.segmentOf(FIRST + OTHER - 1)).isEqualTo(1);
        assertThat(LAYOUT.segmentOf(FIRST + OTHER)).isEqualTo(2);
        assertThat(LAYOUT.segmentOf(FIRST + 1000 * OTHER)).isEqualTo(1001);
        assertThat(LAYOUT.ciphertextOffsetOf(0)).isEqualTo(40);
        assertThat(LAYOUT.ciphertextOffsetOf(1)).isEqualTo(MIB);
        assertThat(LAYOUT.ciphertextOffsetOf(1001)).isEqualTo(1001L * MIB);
        assertThatThrownBy(() -> LAYOUT.segmentOf(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] encrypt(long plaintext) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = aead.newEncryptingStream(out, new byte[0])) {
            byte[] block = new byte[64 * 1024];
            for (long left = plaintext; left > 0; left -= block.length) {
                encrypting.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return out.toByteArray();
    }
}
