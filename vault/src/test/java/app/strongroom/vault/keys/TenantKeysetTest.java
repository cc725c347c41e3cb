package app.strongroom.vault.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.vault.VaultException;
import com.google.crypto.tink.StreamingAead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantKeysetTest {
    private static final String TENANT = "6f1c2a52-4a51-4f0e-9c3c-0d6b7a1e2f30";
    private static final String OTHER = "0b8e5c1d-2f43-4a7a-8e2b-9f6d3c1a4e57";
    private static final byte[] AD = "binding".getBytes(StandardCharsets.UTF_8);

    @Test
    void aWrappedKeysetComesBackOnlyWithItsMasterKey() throws Exception {
        MasterKey master = MasterKey.of(random(32));
        TenantKeyset keys = TenantKeyset.generate(TENANT);
        byte[] secret = encrypt(keys.streamingAead(), "payroll");
        WrappedKeyset wrapped = WrappedKeyset.fromJson(keys.wrap(master).toJson());
        assertThat(wrapped.masterKeyId()).isEqualTo(master.id());
        assertThat(decrypt(TenantKeyset.unwrap(wrapped, List.of(master)).streamingAead(), secret)).isEqualTo("payroll");

        MasterKey stranger = MasterKey.of(random(32));
        assertThatThrownBy(() -> TenantKeyset.unwrap(wrapped, List.of(stranger)))
                .isInstanceOf(VaultException.class).hasMessageContaining("not among the keys given");
        WrappedKeyset forged = new WrappedKeyset(wrapped.tenant(), stranger.id(), 1, wrapped.ciphertext());
        assertThatThrownBy(() -> TenantKeyset.unwrap(forged, List.of(stranger))).isInstanceOf(VaultException.class)
                .hasMessageContaining("cannot be unwrapped");
    }

    @Test
    void aKeysetPassedOffAsAnotherTenantsIsRefused() {
        MasterKey master = MasterKey.of(random(32));
        WrappedKeyset mine = TenantKeyset.generate(TENANT).wrap(master);
        WrappedKeyset relabelled = new WrappedKeyset(OTHER, mine.masterKeyId(), mine.primaryKeyId(), mine.ciphertext());
        assertThatThrownBy(() -> TenantKeyset.unwrap(relabelled, List.of(master))).isInstanceOf(VaultException.class)
                .hasMessageContaining("another tenant");
    }

    @Test
    void rotatingTheDataKeyWritesWithTheNewKeyAndStillReadsTheOld() throws Exception {
        TenantKeyset before = TenantKeyset.generate(TENANT);
        byte[] old = encrypt(before.streamingAead(), "written before");
        TenantKeyset after = before.rotate();
        assertThat(after.primaryKeyId()).isNotEqualTo(before.primaryKeyId());
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.holds(before.primaryKeyId())).isTrue();
        byte[] fresh = encrypt(after.streamingAead(), "written after");
        assertThat(decrypt(after.streamingAead(), old)).isEqualTo("written before");
        assertThat(decrypt(after.streamingAead(), fresh)).isEqualTo("written after");
        assertThatThrownBy(() -> decrypt(before.streamingAead(), fresh)).as("the old keyset lacks the new key")
                .isInstanceOf(IOException.class);
    }

    @Test
    void rotatingTheMasterKeyRewrapsWithoutTouchingTheData() throws Exception {
        MasterKey retired = MasterKey.of(random(32));
        MasterKey current = MasterKey.of(random(32));
        TenantKeyset keys = TenantKeyset.generate(TENANT);
        byte[] data = encrypt(keys.streamingAead(), "kept as it is");
        WrappedKeyset old = keys.wrap(retired);
        WrappedKeyset rewrapped = TenantKeyset.unwrap(old, List.of(current, retired)).wrap(current);
        assertThat(rewrapped.masterKeyId()).isEqualTo(current.id());
        assertThat(decrypt(TenantKeyset.unwrap(rewrapped, List.of(current)).streamingAead(), data))
                .isEqualTo("kept as it is");
    }

    @Test
    void aMasterKeyMustBeLongEnoughAndItsIdSaysNothingOfIt() {
        assertThatThrownBy(() -> MasterKey.of(random(16))).isInstanceOf(VaultException.class);
        byte[] material = random(32);
        assertThat(MasterKey.of(material).id()).hasSize(16).isEqualTo(MasterKey.of(material.clone()).id())
                .doesNotContain(java.util.HexFormat.of().formatHex(material).substring(0, 16));
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    static byte[] encrypt(StreamingAead aead, String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = aead.newEncryptingStream(out, AD)) {
            enc.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static String decrypt(StreamingAead aead, byte[] ciphertext) throws Exception {
        try (InputStream in = aead.newDecryptingStream(new ByteArrayInputStream(ciphertext), AD)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
