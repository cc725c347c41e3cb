package app.strongroom.vault.site;

import app.strongroom.vault.format.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A site in a directory. An object is written to {@code <key>.partial} beside its final name, forced to the disk and
 * renamed over the old object, so a reader (or a crash) sees the old object or the new one whole; {@code .partial}
 * files are never listed.
 */
public final class DirectorySiteStore implements SiteStore {
    private static final int BUFFER = 1 << 16;

    private final String site;
    private final Path root;

    public DirectorySiteStore(String siteName, Path root) {
        this.site = siteName;
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredObject put(String key, InputStream content, long size, String expectedSha256) {
        Path target = file(key);
        String expected = Sha256.requireHex(expectedSha256);
        Path partial = target.resolveSibling(target.getFileName() + SiteKeys.PARTIAL);
        prepare(target.getParent());
        boolean renamed = false;
        try {
            MessageDigest digest = Digests.sha256();
            long written = 0;
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = readContent(content, buffer, key)) >= 0 && written <= size; ) {
                    digest.update(buffer, 0, n);
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    written += n;
                }
                String sha256 = Sha256.check(site, key, size, expected, written, Digests.hex(digest.digest()));
                // The rename must not reach the disk before the bytes it names.
                out.force(true);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                renamed = true;
                syncDirectory(target.getParent());
                return new StoredObject(key, written, sha256);
            }
        } catch (IOException e) {
            throw failure("store " + key, e);
        } finally {
            if (!renamed) {
                removeQuietly(partial);
            }
        }
    }

    @Override
    public StoredObject readBack(String key) {
        try (InputStream in = Files.newInputStream(file(key))) {
            MessageDigest digest = Digests.sha256();
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
            return new StoredObject(key, size, Digests.hex(digest.digest()));
        } catch (NoSuchFileException e) {
            throw missing(key, e);
        } catch (IOException e) {
            throw failure("read " + key, e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(file(key));
        } catch (NoSuchFileException e) {
            throw missing(key, e);
        } catch (IOException e) {
            throw failure("read " + key, e);
        }
    }

    @Override
    public List<StoredObject> list(String prefix) {
        String wanted = SiteKeys.prefix(prefix);
        Path base = baseOf(wanted);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<StoredObject> found = new ArrayList<>();
        try {
            Files.walkFileTree(base, new Walk(wanted) {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String key = keyOf(file);
                    if (attrs.isRegularFile() && key.startsWith(wanted) && !key.endsWith(SiteKeys.PARTIAL)) {
                        found.add(new StoredObject(key, attrs.size(), ""));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw failure("list " + (wanted.isEmpty() ? "its objects" : wanted), e);
        }
        found.sort(Comparator.comparing(StoredObject::key));
        return found;
    }

    @Override
    public void delete(String key) {
        Path file = file(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("delete " + key, e);
        }
    }

    @Override
    public void deleteAll(String prefix) {
        String wanted = SiteKeys.prefix(prefix);
        Path base = baseOf(wanted);
        if (!Files.isDirectory(base)) {
            return;
        }
        try {
            // Partials go too: "x.partial" starts with every prefix that "x" starts with.
            Files.walkFileTree(base, new Walk(wanted) {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (keyOf(file).startsWith(wanted)) {
                        Files.deleteIfExists(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                    if (failed != null) {
                        throw failed;
                    }
                    if (!dir.equals(root) && (keyOf(dir) + "/").startsWith(wanted)) {
                        Files.deleteIfExists(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw failure("delete " + (wanted.isEmpty() ? "its objects" : "the objects under " + wanted), e);
        }
    }

    @Override
    public String describe() {
        return "site " + site + " (file:" + root + ")";
    }

    @Override
    public void close() {
        // Nothing is held open between calls.
    }

    @Override
    public String toString() {
        return describe();
    }

    private Path file(String key) {
        return root.resolve(SiteKeys.key(key));
    }

    /** The directory that holds every key starting with {@code prefix}. */
    private Path baseOf(String prefix) {
        int slash = prefix.lastIndexOf('/');
        return slash < 0 ? root : root.resolve(prefix.substring(0, slash));
    }

    private String keyOf(Path path) {
        StringBuilder key = new StringBuilder();
        for (Path name : root.relativize(path)) {
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(name);
        }
        return key.toString();
    }

    private void prepare(Path dir) {
        if (!Files.isDirectory(root)) {
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                throw new SiteException("site " + site + ": its directory " + root
                        + " does not exist and cannot be created (" + reason(e) + ")", e);
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure("create the directory " + root.relativize(dir), e);
        }
    }

    private int readContent(InputStream content, byte[] buffer, String key) {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new SiteException("the content of " + key + " could not be read while storing it at site " + site
                    + ": " + e.getMessage() + "; the site keeps what it had", e);
        }
    }

    /** Makes the rename durable; some file systems cannot sync a directory, and the rename has happened anyway. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Nothing to do: the object is in place, only its durability across a power cut is the file system's.
        }
    }

    private static void removeQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // A partial that cannot be removed is never listed and is replaced by the next attempt.
        }
    }

    private SiteException missing(String key, IOException e) {
        return new SiteException("site " + site + " has no object " + key, e);
    }

    private SiteException failure(String action, IOException e) {
        String reason = reason(e);
        if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
            return new SiteException("site " + site + " is full (" + reason + "): could not " + action, e);
        }
        if (e instanceof AccessDeniedException || e instanceof FileAlreadyExistsException
                || reason.contains("Read-only file system") || reason.contains("Permission denied")
                || reason.contains("Operation not permitted") || reason.contains("Not a directory")) {
            return new SiteException("site " + site + " cannot be written: " + reason + "; could not " + action, e);
        }
        return new SiteException("site " + site + " could not " + action + ": " + reason, e);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is in the way: it exists and is not a directory";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * Walks the directories that may hold keys starting with {@code wanted}, and on when a file vanishes mid-walk (a
     * partial renamed, an object deleted): it is simply not there.
     */
    private abstract class Walk extends SimpleFileVisitor<Path> {
        private final String wanted;

        Walk(String wanted) {
            this.wanted = wanted;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            String dirKey = keyOf(dir) + "/";
            return dirKey.startsWith(wanted) || wanted.startsWith(dirKey)
                    ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
            }
            throw e;
        }
    }
}
