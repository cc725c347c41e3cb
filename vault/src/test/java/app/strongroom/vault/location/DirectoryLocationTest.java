package app.strongroom.vault.location;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.vault.keys.MasterKey;
import app.strongroom.vault.keys.TenantKeyset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLocationTest {
    private static final String TENANT = "6f1c2a52-4a51-4f0e-9c3c-0d6b7a1e2f30";

    @TempDir
    Path root;

    @Test
    void namesSortNewestFirstAndParseBack() {
        BackupName older = BackupName.at(Instant.parse("2026-01-02T01:30:00.123Z"), UUID.randomUUID());
        BackupName newer = BackupName.at(Instant.parse("2026-01-03T01:30:00Z"), UUID.randomUUID());
        assertThat(older.fileName()).startsWith("20260102T013000Z-").endsWith(".sbk");
        assertThat(BackupName.parse(older.fileName())).hasValue(older);
        assertThat(java.util.stream.Stream.of(older, newer).sorted()).containsExactly(newer, older);
        assertThat(BackupName.parse("../../etc/passwd")).isEmpty();
    }

    @Test
    void onlyCompleteBackupsAreListedAndPartialsAreSweptAway() throws Exception {
        DirectoryLocation location = new DirectoryLocation(root);
        BackupName done = BackupName.at(Instant.now(), UUID.randomUUID());
        BackupName interrupted = BackupName.at(Instant.now(), UUID.randomUUID());
        Path partial = location.partialBackup(TENANT, done);
        location.prepareFor(partial);
        Files.writeString(partial, "x");
        location.complete(partial, location.backup(TENANT, done));
        Files.writeString(location.partialBackup(TENANT, interrupted), "half");
        assertThat(location.backups(TENANT)).extracting(StoredBackup::name).containsExactly(done);
        assertThat(location.removePartials()).isEqualTo(1);
        assertThat(location.partialBackup(TENANT, interrupted)).doesNotExist();
    }

    @Test
    void aNewKeyNeverReplacesAKeptOne() {
        DirectoryLocation location = new DirectoryLocation(root);
        MasterKey master = MasterKey.of(new byte[32]);
        var kept = TenantKeyset.generate(TENANT).wrap(master);
        location.writeNewKey(kept);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> location.writeNewKey(TenantKeyset.generate(TENANT).wrap(master)))
                .isInstanceOf(app.strongroom.vault.VaultException.class).hasMessageContaining("it is kept");
        assertThat(location.key(TENANT)).hasValue(kept);
    }

    @Test
    void deletingATenantRemovesItsKeyAndBackups() throws Exception {
        DirectoryLocation location = new DirectoryLocation(root);
        location.writeKey(TenantKeyset.generate(TENANT).wrap(MasterKey.of(new byte[32])));
        BackupName name = BackupName.at(Instant.now(), UUID.randomUUID());
        location.prepareFor(location.backup(TENANT, name));
        Files.writeString(location.backup(TENANT, name), "x");
        assertThat(location.key(TENANT)).isPresent();
        assertThat(location.tenants()).containsExactly(TENANT);
        location.deleteTenant(TENANT);
        assertThat(location.key(TENANT)).isEmpty();
        assertThat(location.backups(TENANT)).isEmpty();
        assertThat(location.tenants()).isEmpty();
    }
}
