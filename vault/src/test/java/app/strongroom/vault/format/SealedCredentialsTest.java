package app.strongroom.vault.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.vault.VaultException;
import app.strongroom.vault.keys.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealedCredentialsTest {
    private static final MasterKey OLD = key();
    private static final MasterKey NEW = key();
    private static final List<SealedCredentials.Credential> ACCOUNTS = List.of(
            new SealedCredentials.Credential(1, "$pbkdf2-sha512$600000$c2FsdA$aGFzaA"),
            new SealedCredentials.Credential(7, "$pbkdf2-sha512$600000$b3RoZXI$b3RoZXI"));

    @Test
    void sealedHashesOpenOnlyUnderAPlatformKeyForTheirTenantAndBackup() {
        byte[] sealed = SealedCredentials.seal(ACCOUNTS, OLD, "tenant-a", "backup-1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("pbkdf2");
        assertThat(SealedCredentials.open(sealed, List.of(NEW, OLD), "tenant-a", "backup-1"))
                .as("after a master key rotation, the retired key still opens them").isEqualTo(ACCOUNTS);
        assertThatThrownBy(() -> SealedCredentials.open(sealed, List.of(NEW), "tenant-a", "backup-1"))
                .isInstanceOf(VaultException.class).hasMessageContaining("none of the platform's master keys");
        assertThatThrownBy(() -> SealedCredentials.open(sealed, List.of(OLD), "tenant-b", "backup-1"))
                .as("not another tenant's").isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> SealedCredentials.open(sealed, List.of(OLD), "tenant-a", "backup-2"))
                .as("not another backup's").isInstanceOf(VaultException.class);
        sealed[sealed.length / 2] ^= 1;
        assertThatThrownBy(() -> SealedCredentials.open(sealed, List.of(OLD), "tenant-a", "backup-1"))
                .as("not altered").isInstanceOf(VaultException.class);
    }

    private static MasterKey key() {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        return MasterKey.of(material);
    }
}
