package app.strongroom.vault.site;

import static app.strongroom.vault.site.TestContent.sha256;
import static app.strongroom.vault.site.TestContent.size;
import static app.strongroom.vault.site.TestContent.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectorySiteStoreTest {
    private static final String TENANT = "tenants/6f1c2a52-4a51-4f0e-9c3c-0d6b7a1e2f30";

    @TempDir
    Path dir;

    private DirectorySiteStore store(Path root) {
        return new DirectorySiteStore("lisbon", root);
    }

    private static StoredObject put(SiteStore store, String key, String text) {
        return store.put(key, stream(text), size(text), sha256(text));
    }

    private static String read(SiteStore store, String key) throws Exception {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long partials(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).count();
        }
    }

    @Test
    void anObjectIsStoredAndReadBackWithItsDigest() throws Exception {
        Path root = dir.resolve("site");
        try (SiteStore store = store(root)) {
            long size = 3 * 1024 * 1024 + 5;
            StoredObject stored = store.put(TENANT + "/backups/a.sbk", TestContent.stream(size, 1), size,
                    TestContent.sha256(size, 1));
            assertThat(stored).isEqualTo(new StoredObject(TENANT + "/backups/a.sbk", size, TestContent.sha256(size, 1)));
            assertThat(store.readBack(TENANT + "/backups/a.sbk")).isEqualTo(stored);
            assertThat(root.resolve(TENANT).resolve("backups/a.sbk")).hasSize(size);
            assertThat(partials(root)).isZero();

            put(store, TENANT + "/key.json", "{\"k\":1}");
            assertThat(read(store, TENANT + "/key.json")).isEqualTo("{\"k\":1}");
        }
    }

    @Test
    void aPutReplacesTheObjectWhole() throws Exception {
        try (SiteStore store = store(dir)) {
            put(store, "catalog/a.sbk", "first, rather longer content");
            StoredObject second = put(store, "catalog/a.sbk", "second");
            assertThat(read(store, "catalog/a.sbk")).isEqualTo("second");
            assertThat(store.readBack("catalog/a.sbk")).isEqualTo(second);
            assertThat(store.list("")).containsExactly(new StoredObject("catalog/a.sbk", 6, ""));
        }
    }

    @Test
    void contentThatIsNotWhatWasAnnouncedReplacesNothing() throws Exception {
        try (SiteStore store = store(dir)) {
            put(store, "catalog/a.sbk", "kept");
            assertThatThrownBy(() -> store.put("catalog/a.sbk", stream("other"), 5, sha256("something else")))
                    .isInstanceOf(SiteException.class)
                    .hasMessageContaining("the content of catalog/a.sbk has SHA-256 " + sha256("other"))
                    .hasMessageContaining("not the expected " + sha256("something else"))
                    .hasMessageContaining("site lisbon keeps what it had");
            assertThatThrownBy(() -> store.put("catalog/a.sbk", stream("other"), 4, sha256("other")))
                    .hasMessageContaining("was more than the 4 bytes announced");
            assertThatThrownBy(() -> store.put("catalog/a.sbk", stream("other"), 9, sha256("other")))
                    .hasMessageContaining("was 5 bytes, not the 9 announced");
            assertThat(read(store, "catalog/a.sbk")).isEqualTo("kept");
            assertThat(partials(dir)).isZero();
        }
    }

    @Test
    void aSourceThatBreaksOffLeavesNoPartialBehind() throws Exception {
        try (SiteStore store = store(dir)) {
            assertThatThrownBy(() -> store.put("catalog/b.sbk", TestContent.failingAfter(200_000, 3), 1_000_000,
                    TestContent.sha256(1_000_000, 3)))
                    .isInstanceOf(SiteException.class)
                    .hasMessage("the content of catalog/b.sbk could not be read while storing it at site lisbon: the"
                            + " source broke off; the site keeps what it had");
            assertThat(partials(dir)).isZero();
            assertThat(store.list("")).isEmpty();
        }
    }

    @Test
    void listingGivesCompleteObjectsUnderThePrefixInKeyOrder() throws Exception {
        try (SiteStore store = store(dir)) {
            put(store, TENANT + "/key.json", "k");
            put(store, TENANT + "/backups/2.sbk", "22");
            put(store, TENANT + "/backups/1.sbk", "1");
            put(store, "tenants/other/key.json", "o");
            put(store, "catalog/c.sbk", "ccc");
            Files.writeString(dir.resolve(TENANT).resolve("backups/3.sbk.partial"), "half");

            assertThat(store.list(TENANT + "/")).containsExactly(
                    new StoredObject(TENANT + "/backups/1.sbk", 1, ""),
                    new StoredObject(TENANT + "/backups/2.sbk", 2, ""),
                    new StoredObject(TENANT + "/key.json", 1, ""));
            assertThat(store.list(TENANT + "/backups/")).extracting(StoredObject::key)
                    .containsExactly(TENANT + "/backups/1.sbk", TENANT + "/backups/2.sbk");
            assertThat(store.list("tenants/o")).extracting(StoredObject::key).containsExactly("tenants/other/key.json");
            assertThat(store.list("")).hasSize(5);
            assertThat(store.list("nothing/here/")).isEmpty();
        }
        assertThat(store(dir.resolve("missing")).list("")).isEmpty();
    }

    @Test
    void deletingRemovesAnObjectOrAWholeSubtree() throws Exception {
        try (SiteStore store = store(dir)) {
            put(store, TENANT + "/key.json", "k");
            put(store, TENANT + "/backups/1.sbk", "1");
            put(store, "tenants/other/key.json", "o");
            Files.writeString(dir.resolve(TENANT).resolve("backups/2.sbk.partial"), "half");

            store.delete("tenants/other/key.json");
            store.delete("tenants/other/key.json");
            assertThat(store.list("tenants/other/")).isEmpty();

            store.deleteAll(TENANT + "/");
            assertThat(dir.resolve(TENANT)).doesNotExist();
            assertThat(dir.resolve("tenants")).isDirectory();
            store.deleteAll(TENANT + "/");

            put(store, "a/b/c", "x");
            store.deleteAll("");
            assertThat(store.list("")).isEmpty();
            assertThat(dir).isEmptyDirectory();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a/../../escape", "/etc/passwd", "a\\b", "a//b", "a/", "", "./a", "a/./b",
            "a/b.partial", "a\nb"})
    void keysThatCouldMeanAnotherFileAreRefused(String key) {
        try (SiteStore store = store(dir)) {
            assertThatThrownBy(() -> put(store, key, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.readBack(key)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(dir).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../", "/tenants/", "a\\b/", "a//", "..", "/"})
    void prefixesThatCouldClimbOutAreRefused(String prefix) {
        try (SiteStore store = store(dir)) {
            assertThatThrownBy(() -> store.list(prefix)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.deleteAll(prefix)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aMissingObjectIsReportedAsSuch() {
        try (SiteStore store = store(dir)) {
            assertThatThrownBy(() -> store.readBack("catalog/none.sbk")).isInstanceOf(SiteException.class)
                    .hasMessage("site lisbon has no object catalog/none.sbk");
            assertThatThrownBy(() -> store.open("catalog/none.sbk")).hasMessage("site lisbon has no object catalog/none.sbk");
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsReportedAsSuch() throws Exception {
        Path root = Files.createDirectories(dir.resolve("site"));
        Path locked = Files.createDirectories(root.resolve("catalog"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try (SiteStore store = store(root)) {
            boolean permissionsBind = !Files.isWritable(locked);
            if (!permissionsBind) {
                // Root writes through any permission; a regular file where a directory must be stops everyone.
                Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.delete(locked);
                Files.writeString(locked, "a file, not a directory");
            }
            assertThatThrownBy(() -> put(store, "catalog/a.sbk", "x"))
                    .isInstanceOf(SiteException.class)
                    .hasMessageStartingWith("site lisbon cannot be written: ")
                    .hasMessageContaining(permissionsBind ? "permission denied on " + locked
                            : locked + " is in the way: it exists and is not a directory");
        } finally {
            if (Files.isDirectory(locked)) {
                Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        assertThat(partials(root)).isZero();
    }

    @Test
    void aRootThatCannotBeCreatedIsReportedAsSuch() throws Exception {
        Path file = Files.writeString(dir.resolve("mnt"), "a file where a mount point should be");
        try (SiteStore store = store(file.resolve("backups"))) {
            assertThatThrownBy(() -> put(store, "catalog/a.sbk", "x"))
                    .isInstanceOf(SiteException.class)
                    .hasMessage("site lisbon: its directory " + file.resolve("backups")
                            + " does not exist and cannot be created (Not a directory (" + file.resolve("backups")
                            + "))");
        }
    }

    @Test
    void aFullDiskIsReportedAsSuchAndLeavesNoPartial() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "this system has no /dev/full to stand in for a full disk");
        Path root = Files.createDirectories(dir.resolve("site"));
        Path partial = Files.createDirectories(root.resolve("catalog")).resolve("a.sbk.partial");
        // Writing through this link reaches a device that answers every write with ENOSPC, as a full disk does.
        Files.createSymbolicLink(partial, full);
        try (SiteStore store = store(root)) {
            assertThatThrownBy(() -> store.put("catalog/a.sbk", TestContent.stream(100_000, 2), 100_000,
                    TestContent.sha256(100_000, 2)))
                    .isInstanceOf(SiteException.class)
                    .hasMessage("site lisbon is full (No space left on device): could not store catalog/a.sbk");
        }
        assertThat(partial).doesNotExist();
        assertThat(Files.isSymbolicLink(partial)).isFalse();
        assertThat(root.resolve("catalog/a.sbk")).doesNotExist();
    }
}
