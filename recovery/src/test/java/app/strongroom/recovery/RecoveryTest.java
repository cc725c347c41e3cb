package app.strongroom.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.vault.format.BackupBinding;
import app.strongroom.vault.format.BackupWriter;
import app.strongroom.vault.format.Manifest;
import app.strongroom.vault.keys.MasterKey;
import app.strongroom.vault.keys.TenantKeyset;
import app.strongroom.vault.location.BackupName;
import app.strongroom.vault.location.DirectoryLocation;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline tool against a location written with the real format: list, decrypt, and refusals. */
class RecoveryTest {
    private static final String TENANT = "6f1c2a52-4a51-4f0e-9c3c-0d6b7a1e2f30";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Recovery.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path masterKeyFile(String name, byte[] key) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
        return file;
    }

    private BackupName writeBackup(DirectoryLocation location, TenantKeyset keys) throws Exception {
        BackupName name = BackupName.at(Instant.parse("2026-11-20T01:30:00Z"), UUID.randomUUID());
        Path file = location.backup(TENANT, name);
        location.prepareFor(file);
        try (OutputStream disk = Files.newOutputStream(file);
             BackupWriter writer = BackupWriter.open(disk, keys.streamingAead(),
                     BackupBinding.tenantBackup(TENANT, name.id().toString()))) {
            try (OutputStream dump = writer.entry("dump.sql", true)) {
                dump.write("select 'acme';\n".getBytes(StandardCharsets.UTF_8));
            }
            writer.finish(new Manifest("test", 4, "17", TENANT, "acme", name.id().toString(), name.createdAt(),
                    Map.of(), List.of()));
        }
        return name;
    }

    @Test
    void withTheMasterKeyAndTheLocationABackupIsListedAndDecrypted() throws Exception {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        DirectoryLocation location = new DirectoryLocation(dir.resolve("site"));
        TenantKeyset keys = TenantKeyset.generate(TENANT);
        location.writeKey(keys.wrap(MasterKey.of(master)));
        BackupName name = writeBackup(location, keys);
        Path keyFile = masterKeyFile("master.key", master);

        assertThat(run("--location", location.root().toString(), "--master-key-file", keyFile.toString(), "list"))
                .isZero();
        assertThat(out.toString()).contains("tenant " + TENANT).contains("opens").contains(name.fileName());

        Path zip = dir.resolve("out.zip");
        assertThat(run("--location", location.root().toString(), "--master-key-file", keyFile.toString(), "decrypt",
                "--tenant", TENANT, "--out", zip.toString())).as(err.toString()).isZero();
        try (ZipFile opened = new ZipFile(zip.toFile())) {
            assertThat(new String(opened.getInputStream(opened.getEntry("dump.sql")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("select 'acme';\n");
        }
    }

    @Test
    void aTamperedBackupOrAnotherMasterKeyIsRefusedWithExitCode1AndNoOutput() throws Exception {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        DirectoryLocation location = new DirectoryLocation(dir.resolve("site"));
        TenantKeyset keys = TenantKeyset.generate(TENANT);
        location.writeKey(keys.wrap(MasterKey.of(master)));
        BackupName name = writeBackup(location, keys);
        byte[] other = master.clone();
        other[0] ^= 1;
        Path zip = dir.resolve("out.zip");
        assertThat(run("--location", location.root().toString(), "--master-key-file",
                masterKeyFile("other.key", other).toString(), "decrypt", "--tenant", TENANT, "--out", zip.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("refused").contains("not among the keys given");

        Path renamed = location.backup(TENANT, BackupName.at(Instant.parse("2099-01-01T00:00:00Z"), name.id()));
        Files.copy(location.backup(TENANT, name), renamed);
        assertThat(run("--location", location.root().toString(), "--master-key-file",
                masterKeyFile("master.key", master).toString(), "decrypt", "--tenant", TENANT, "--out", zip.toString()))
                .as("an old backup renamed to pass for the latest").isEqualTo(1);
        assertThat(err.toString()).contains("it was renamed");
        assertThat(zip).doesNotExist();
        Files.delete(renamed);

        Path file = location.backup(TENANT, name);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertThat(run("--location", location.root().toString(), "--master-key-file",
                masterKeyFile("master.key", master).toString(), "decrypt", "--tenant", TENANT, "--out", zip.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("failed authentication");
        assertThat(zip).doesNotExist();
        assertThat(run("--location", location.root().toString())).as("a wrong command line").isEqualTo(2);
    }
}
