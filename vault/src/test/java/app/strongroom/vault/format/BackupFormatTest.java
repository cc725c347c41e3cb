package app.strongroom.vault.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.vault.VaultException;
import app.strongroom.vault.keys.TenantKeyset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFormatTest {
    private static final String TENANT = "6f1c2a52-4a51-4f0e-9c3c-0d6b7a1e2f30";
    private static final String BACKUP = "1d7c8f7e-5b7a-4c52-9d1e-3a2b4c5d6e7f";
    private static final byte[] BINDING = BackupBinding.tenantBackup(TENANT, BACKUP);

    private static final byte[] DUMP = "create table t (x text);\n".repeat(50_000).getBytes(StandardCharsets.UTF_8);

    private final TenantKeyset keys = TenantKeyset.generate(TENANT);
    private final byte[] file = new byte[3 * 1024 * 1024 + 17];

    @TempDir
    Path dir;

    BackupFormatTest() {
        new Random(7).nextBytes(file);
    }

    private byte[] backup() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BackupWriter writer = BackupWriter.open(out, keys.streamingAead(), BINDING)) {
            try (OutputStream dump = writer.entry("dump.sql", true)) {
                dump.write(DUMP);
            }
            try (OutputStream f = writer.entry("filestore/1/photo.jpg", false)) {
                f.write(file);
            }
            Sealed sealed = writer.finish(new Manifest("test", 4, "17.6", TENANT, "acme", BACKUP, Instant.now(),
                    Map.of("t", 50_000L), List.of()));
            assertThat(sealed.ciphertextSize()).isEqualTo(out.size());
            assertThat(sealed.ciphertextSha256()).isEqualTo(Digests.sha256Of(new ByteArrayInputStream(out.toByteArray())));
            assertThat(sealed.manifest().entries()).extracting(Manifest.Entry::name)
                    .containsExactly("dump.sql", "filestore/1/photo.jpg");
        }
        return out.toByteArray();
    }

    @Test
    void aBackupDecryptsToAZipThatMatchesItsManifest() throws Exception {
        Path zip = dir.resolve("backup.zip");
        Manifest manifest = BackupReader.decryptTo(new ByteArrayInputStream(backup()), keys.streamingAead(), BINDING, zip);
        assertThat(manifest.rowCounts()).containsEntry("t", 50_000L);
        try (ZipFile opened = new ZipFile(zip.toFile())) {
            assertThat(opened.getInputStream(opened.getEntry("filestore/1/photo.jpg")).readAllBytes()).isEqualTo(file);
            assertThat(opened.getEntry("filestore/1/photo.jpg").getCompressedSize())
                    .as("stored files are not compressed again").isGreaterThanOrEqualTo(file.length);
        }
        assertThat(BackupReader.verify(new ByteArrayInputStream(backup()), keys.streamingAead(), BINDING).entries())
                .hasSize(2);
    }

    @Test
    void aFlippedByteAnywhereIsRefusedAndNothingIsHandedOn() throws Exception {
        byte[] good = backup();
        for (int position : new int[] {0, 20, 40, good.length / 3, good.length / 2, good.length - 20, good.length - 1}) {
            byte[] bad = good.clone();
            bad[position] ^= 0x01;
            Path zip = dir.resolve("flipped-" + position + ".zip");
            assertThatThrownBy(() -> BackupReader.decryptTo(new ByteArrayInputStream(bad), keys.streamingAead(),
                    BINDING, zip)).as("byte %d", position).isInstanceOf(VaultException.class)
                    .hasMessageContaining("refused");
            assertThat(zip).doesNotExist();
            assertThat(dir.resolve("flipped-" + position + ".zip.partial")).doesNotExist();
        }
    }

    @Test
    void aTruncatedFileAndSwappedSegmentsAreRefused() throws Exception {
        byte[] good = backup();
        int segment = 1 << 20;
        assertThat(good.length).as("the test needs several segments").isGreaterThan(3 * segment);
        byte[] truncated = Arrays.copyOf(good, good.length - segment);
        assertRefused(truncated);
        assertRefused(Arrays.copyOf(good, 2 * segment));
        byte[] swapped = good.clone();
        System.arraycopy(good, segment, swapped, 2 * segment, segment);
        System.arraycopy(good, 2 * segment, swapped, segment, segment);
        assertRefused(swapped);
    }

    @Test
    void anotherTenantsKeyOrAnotherBindingIsRefused() throws Exception {
        byte[] good = backup();
        TenantKeyset other = TenantKeyset.generate(TENANT);
        assertThatThrownBy(() -> BackupReader.verify(new ByteArrayInputStream(good), other.streamingAead(), BINDING))
                .isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> BackupReader.verify(new ByteArrayInputStream(good), keys.streamingAead(),
                BackupBinding.tenantBackup(TENANT, "another-backup"))).isInstanceOf(VaultException.class);
    }

    @Test
    void anEntryThatDoesNotMatchItsManifestIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BackupWriter writer = BackupWriter.open(out, keys.streamingAead(), BINDING)) {
            try (OutputStream dump = writer.entry("dump.sql", true)) {
                dump.write("select 1;".getBytes(StandardCharsets.UTF_8));
            }
            writer.finish(new Manifest("test", 4, "17", TENANT, "acme", BACKUP, Instant.now(), Map.of(),
                    List.of()));
        }
        Path zip = dir.resolve("ok.zip");
        BackupReader.decryptTo(new ByteArrayInputStream(out.toByteArray()), keys.streamingAead(), BINDING, zip);
        Path altered = dir.resolve("altered.zip");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip));
             var zipOut = new java.util.zip.ZipOutputStream(Files.newOutputStream(altered))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zipOut.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zipOut.write(e.getName().equals("dump.sql") ? "drop table x;".getBytes(StandardCharsets.UTF_8) : content);
                zipOut.closeEntry();
            }
        }
        assertThatThrownBy(() -> BackupReader.verify(altered)).isInstanceOf(VaultException.class)
                .hasMessageContaining("dump.sql does not match its manifest");
    }

    @Test
    void readHandsOnEveryEntryAndChecksThemAgainstTheManifest() throws Exception {
        Map<String, byte[]> handed = new LinkedHashMap<>();
        Manifest manifest = BackupReader.read(new ByteArrayInputStream(backup()), keys.streamingAead(), BINDING,
                (name, content) -> handed.put(name, content.readAllBytes()));
        assertThat(handed.keySet()).as("every entry but the manifest, in order")
                .containsExactly("dump.sql", "filestore/1/photo.jpg");
        assertThat(handed.get("dump.sql")).isEqualTo(DUMP);
        assertThat(handed.get("filestore/1/photo.jpg")).isEqualTo(file);
        assertThat(manifest.rowCounts()).containsEntry("t", 50_000L);
        assertThat(manifest.entries()).isEqualTo(
                BackupReader.verify(new ByteArrayInputStream(backup()), keys.streamingAead(), BINDING).entries());
    }

    @Test
    void whatAHandlerLeavesUnreadIsCheckedAllTheSame() throws Exception {
        List<String> handed = new ArrayList<>();
        BackupReader.read(new ByteArrayInputStream(backup()), keys.streamingAead(), BINDING, (name, content) -> {
            handed.add(name);
            assertThat(content.readNBytes(10)).hasSize(10);
            assertThat(content.skip(1000)).isEqualTo(1000);
            content.close();
            assertThatThrownBy(content::read).as("closed for the handler").isInstanceOf(IOException.class);
        });
        assertThat(handed).as("closing its stream did not close the backup's")
                .containsExactly("dump.sql", "filestore/1/photo.jpg");

        // A dump that differs from what its manifest lists only after what the handler reads.
        Manifest listed;
        try (BackupWriter writer = BackupWriter.open(OutputStream.nullOutputStream(), keys.streamingAead(), BINDING)) {
            try (OutputStream dump = writer.entry("dump.sql", true)) {
                dump.write(DUMP);
            }
            listed = writer.finish(new Manifest("test", 4, "17.6", TENANT, "acme", BACKUP, Instant.now(), Map.of(),
                    List.of())).manifest();
        }
        byte[] altered = DUMP.clone();
        altered[altered.length - 3] = 'X';
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(keys.streamingAead().newEncryptingStream(out, BINDING))) {
            zip.putNextEntry(new ZipEntry("dump.sql"));
            zip.write(altered);
            zip.putNextEntry(new ZipEntry(Manifest.NAME));
            zip.write(listed.toJson());
        }
        assertThatThrownBy(() -> BackupReader.read(new ByteArrayInputStream(out.toByteArray()), keys.streamingAead(),
                BINDING, (name, content) -> content.readNBytes(10))).isInstanceOf(VaultException.class)
                .hasMessageContaining("dump.sql does not match its manifest");
    }

    @Test
    void readRefusesAFlippedByteOrACutEndWhateverTheHandlerMakesOfIt() throws Exception {
        byte[] good = backup();
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x01;
        List<String> handed = new ArrayList<>();
        assertThatThrownBy(() -> BackupReader.read(new ByteArrayInputStream(flipped), keys.streamingAead(), BINDING,
                (name, content) -> {
                    handed.add(name);
                    try {
                        content.transferTo(OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        throw new IllegalStateException("the handler's own words", e);
                    }
                })).isInstanceOf(VaultException.class).hasMessageContaining("failed authentication");
        assertThat(handed).as("the flipped byte is in the photo").containsExactly("dump.sql", "filestore/1/photo.jpg");

        assertThatThrownBy(() -> BackupReader.read(new ByteArrayInputStream(flipped), keys.streamingAead(), BINDING,
                (name, content) -> {
                    try {
                        content.readAllBytes();
                    } catch (IOException swallowed) {
                        // A careless handler does not make the backup good.
                    }
                })).isInstanceOf(VaultException.class).hasMessageContaining("failed authentication");

        byte[] cut = Arrays.copyOf(good, good.length - 100);
        assertThatThrownBy(() -> BackupReader.read(new ByteArrayInputStream(cut), keys.streamingAead(), BINDING,
                (name, content) -> content.readAllBytes())).isInstanceOf(VaultException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void aHandlersOwnFailureIsReportedAsItsOwn() throws Exception {
        byte[] good = backup();
        IllegalStateException own = new IllegalStateException("the disk is full");
        assertThatThrownBy(() -> BackupReader.read(new ByteArrayInputStream(good), keys.streamingAead(), BINDING,
                (name, content) -> {
                    throw own;
                })).isSameAs(own);
        assertThatThrownBy(() -> BackupReader.read(new ByteArrayInputStream(good), keys.streamingAead(), BINDING,
                (name, content) -> {
                    throw new java.sql.SQLException("the connection was lost");
                })).isInstanceOf(VaultException.class)
                .hasMessage("the backup's entry dump.sql could not be processed: the connection was lost");
    }

    private void assertRefused(byte[] ciphertext) {
        assertThatThrownBy(() -> BackupReader.verify(new ByteArrayInputStream(ciphertext), keys.streamingAead(), BINDING))
                .isInstanceOf(VaultException.class);
    }
}
