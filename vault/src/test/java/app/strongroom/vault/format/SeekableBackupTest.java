package app.strongroom.vault.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.vault.VaultException;
import app.strongroom.vault.keys.TenantKeyset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept backups read at an offset (resumed downloads) and plain backups (live downloads). */
class SeekableBackupTest {
    private static final String TENANT = "6f1c2a52-4a51-4f0e-9c3c-0d6b7a1e2f30";
    private static final String BACKUP = "1d7c8f7e-5b7a-4c52-9d1e-3a2b4c5d6e7f";
    private static final byte[] BINDING = BackupBinding.tenantBackup(TENANT, BACKUP);
    private static final int MIB = 1 << 20;

    private final TenantKeyset keys = TenantKeyset.generate(TENANT);
    private final byte[] file = new byte[5 * MIB + 321];

    @TempDir
    Path dir;

    SeekableBackupTest() {
        new Random(11).nextBytes(file);
    }

    private byte[] encrypted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BackupWriter writer = BackupWriter.open(out, keys.streamingAead(), BINDING)) {
            write(writer);
        }
        return out.toByteArray();
    }

    private Sealed write(BackupWriter writer) throws Exception {
        try (OutputStream dump = writer.entry("dump.sql", true)) {
            dump.write("select 1;\n".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (OutputStream f = writer.entry("filestore/1/data.bin", false)) {
            f.write(file);
        }
        return writer.finish(new Manifest("test", 4, "17.6", TENANT, "acme", BACKUP, Instant.now(), Map.of("t", 1000L),
                List.of()));
    }

    private static byte[] plaintextOf(byte[] encrypted, TenantKeyset keys) throws Exception {
        return BackupReader.decrypting(new ByteArrayInputStream(encrypted), keys.streamingAead(), BINDING).readAllBytes();
    }

    @Test
    void anyRangeReadsTheSameBytesAsDecryptingTheWholeFromTheStart() throws Exception {
        byte[] encrypted = encrypted();
        byte[] whole = plaintextOf(encrypted, keys);
        try (SeekableBackup backup = SeekableBackup.open(new InMemoryChannel(encrypted), keys.streamingAead(), BINDING)) {
            assertThat(backup.size()).isEqualTo(whole.length);
            for (long[] range : new long[][] {{0, whole.length}, {0, 1}, {MIB - 56 - 3, 10}, {2 * MIB + 5, MIB + 7},
                    {whole.length - 1, 1}, {1234, 0}}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                backup.copy(range[0], range[1], out);
                assertThat(out.toByteArray()).as("bytes %d+%d", range[0], range[1])
                        .isEqualTo(Arrays.copyOfRange(whole, (int) range[0], (int) (range[0] + range[1])));
            }
        }
    }

    @Test
    void aResumedReadNearTheEndDecryptsOnlyTheSegmentsThatHoldIt() throws Exception {
        byte[] encrypted = encrypted();
        InMemoryChannel channel = new InMemoryChannel(encrypted);
        try (SeekableBackup backup = SeekableBackup.open(channel, keys.streamingAead(), BINDING)) {
            long first = backup.size() - 100;
            backup.copy(first, 100, OutputStream.nullOutputStream());
            SegmentLayout layout = SegmentLayout.AES256_GCM_HKDF_1MB;
            assertThat(layout.segmentOf(first)).isEqualTo(5);
            assertThat(channel.bytesRead()).as("the header and the last segment, not the %d bytes before them",
                    layout.ciphertextOffsetOf(5)).isLessThanOrEqualTo(40 + (encrypted.length - 5L * MIB));
        }
    }

    @Test
    void aFlippedByteFailsTheReadOfItsSegmentAndNothingOfItIsWritten() throws Exception {
        byte[] encrypted = encrypted();
        byte[] whole = plaintextOf(encrypted, keys);
        byte[] tampered = encrypted.clone();
        tampered[3 * MIB + 100] ^= 0x01;
        try (SeekableBackup backup = SeekableBackup.open(new InMemoryChannel(tampered), keys.streamingAead(), BINDING)) {
            ByteArrayOutputStream before = new ByteArrayOutputStream();
            backup.copy(0, 2 * MIB, before);
            assertThat(before.toByteArray()).as("segments before the damage are intact and authentic")
                    .isEqualTo(Arrays.copyOf(whole, 2 * MIB));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> backup.copy(0, backup.size(), out)).isInstanceOf(VaultException.class)
                    .hasMessageContaining("failed authentication");
            long intact = SegmentLayout.AES256_GCM_HKDF_1MB.plaintextInFirstSegment()
                    + 2 * SegmentLayout.AES256_GCM_HKDF_1MB.plaintextPerSegment();
            assertThat(out.size()).as("no byte of the damaged segment").isLessThanOrEqualTo((int) intact);
            assertThat(out.toByteArray()).isEqualTo(Arrays.copyOf(whole, out.size()));
        }
    }

    @Test
    void anotherKeyOrBindingOrACutFileIsRefused() throws Exception {
        byte[] encrypted = encrypted();
        TenantKeyset other = TenantKeyset.generate(TENANT);
        try (SeekableBackup backup = SeekableBackup.open(new InMemoryChannel(encrypted), other.streamingAead(), BINDING)) {
            assertThatThrownBy(() -> backup.copy(100, 10, OutputStream.nullOutputStream()))
                    .isInstanceOf(VaultException.class).hasMessageContaining("failed authentication");
        }
        byte[] elsewhere = BackupBinding.tenantBackup(TENANT, "00000000-0000-0000-0000-000000000000");
        try (SeekableBackup backup = SeekableBackup.open(new InMemoryChannel(encrypted), keys.streamingAead(), elsewhere)) {
            assertThatThrownBy(() -> backup.copy(0, 10, OutputStream.nullOutputStream()))
                    .isInstanceOf(VaultException.class);
        }
        byte[] cut = Arrays.copyOf(encrypted, 4 * MIB);
        try (SeekableBackup backup = SeekableBackup.open(new InMemoryChannel(cut), keys.streamingAead(), BINDING)) {
            assertThatThrownBy(() -> backup.copy(backup.size() - 10, 10, OutputStream.nullOutputStream()))
                    .as("the new last segment was not written as the last one").isInstanceOf(VaultException.class);
        }
        assertThatThrownBy(() -> SeekableBackup.open(new InMemoryChannel(Arrays.copyOf(encrypted, 4 * MIB + 3)),
                keys.streamingAead(), BINDING)).isInstanceOf(VaultException.class).hasMessageContaining("damaged");
    }

    @Test
    void aRotatedKeysetStillReadsWhatItsOlderKeyWrote() throws Exception {
        byte[] encrypted = encrypted();
        TenantKeyset rotated = keys.rotate();
        try (SeekableBackup backup = SeekableBackup.open(new InMemoryChannel(encrypted), rotated.streamingAead(), BINDING)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            backup.copy(backup.size() - 5000, 5000, out);
            byte[] whole = plaintextOf(encrypted, keys);
            assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 5000, whole.length));
        }
    }

    @Test
    void aPlainBackupIsTheSameZipUnencryptedAndLeavesItsTargetOpen() throws Exception {
        Path zip = dir.resolve("live.zip");
        Sealed sealed;
        try (OutputStream out = Files.newOutputStream(zip);
             BackupWriter writer = BackupWriter.plain(out)) {
            sealed = write(writer);
            out.write(new byte[0]);
        }
        assertThat(sealed.ciphertextSize()).as("the size of the zip itself").isEqualTo(Files.size(zip));
        try (var in = Files.newInputStream(zip)) {
            assertThat(sealed.ciphertextSha256()).isEqualTo(Digests.sha256Of(in));
        }
        Manifest manifest = BackupReader.verify(zip);
        assertThat(manifest.rowCounts()).containsEntry("t", 1000L);
        try (ZipFile opened = new ZipFile(zip.toFile())) {
            assertThat(opened.getInputStream(opened.getEntry("filestore/1/data.bin")).readAllBytes()).isEqualTo(file);
        }
    }

    @Test
    void anAbandonedPlainBackupIsNoZipAtAll() throws Exception {
        Path zip = dir.resolve("cut.zip");
        try (OutputStream out = Files.newOutputStream(zip, StandardOpenOption.CREATE_NEW);
             BackupWriter writer = BackupWriter.plain(out)) {
            try (OutputStream dump = writer.entry("dump.sql", true)) {
                dump.write("select 1;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(writer.written()).extracting(Manifest.Entry::name).containsExactly("dump.sql");
        }
        assertThatThrownBy(() -> new ZipFile(zip.toFile()).close()).as("no central directory, no manifest")
                .isInstanceOf(java.util.zip.ZipException.class);
    }
}
