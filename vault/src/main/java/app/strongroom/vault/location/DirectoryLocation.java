package app.strongroom.vault.location;

import app.strongroom.vault.VaultException;
import app.strongroom.vault.keys.WrappedKeyset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A backup location on a file system, laid out by {@link ObjectKeys} like every site:
 * <pre>
 * tenants/&lt;tenant id&gt;/key.json                 the tenant's keyset, wrapped by the master key
 * tenants/&lt;tenant id&gt;/backups/&lt;name&gt;.sbk        its encrypted backups
 * catalog/&lt;name&gt;.sbk                           the platform catalog's encrypted backups
 * </pre>
 * Files are written under a {@code .partial} name and renamed when complete, so a reader never sees half of one.
 */
public final class DirectoryLocation {
    public static final String CATALOG = "catalog";
    private static final String PARTIAL = ".partial";
    private static final Pattern TENANT = Pattern.compile("[0-9a-f-]{36}");

    private final Path root;

    public DirectoryLocation(Path root) {
        this.root = root.toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    /** Where a tenant's backup is written while it is being made. */
    public Path partialBackup(String tenant, BackupName name) {
        return root.resolve(ObjectKeys.backup(tenant, name) + PARTIAL);
    }

    public Path backup(String tenant, BackupName name) {
        return root.resolve(ObjectKeys.backup(tenant, name));
    }

    public Path partialCatalogBackup(BackupName name) {
        return root.resolve(ObjectKeys.catalogBackup(name) + PARTIAL);
    }

    public Path catalogBackup(BackupName name) {
        return root.resolve(ObjectKeys.catalogBackup(name));
    }

    /** Creates the directory a file is about to be written to; says clearly when the location cannot take it. */
    public void prepareFor(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new VaultException("the backup location " + root + " cannot be written: " + e, e);
        }
    }

    /** Gives a complete file its real name, atomically. */
    public void complete(Path partial, Path target) {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new VaultException("cannot complete " + target + ": " + e, e);
        }
    }

    /** The tenant's backups here, newest first. */
    public List<StoredBackup> backups(String tenant) {
        return list(tenant, backupsOf(tenant));
    }

    public List<StoredBackup> catalogBackups() {
        return list(CATALOG, root.resolve(CATALOG));
    }

    /** The tenants this location holds anything of. */
    public List<String> tenants() {
        Path tenants = root.resolve("tenants");
        if (!Files.isDirectory(tenants)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(tenants)) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> TENANT.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the tenant's key file with {@code key}: a rotation or a re-wrap of the key it holds. */
    public void writeKey(WrappedKeyset key) {
        writeKey(key, true);
    }

    /**
     * Writes the key file of a tenant that has none yet. Refused if one is there: a key file may be the last copy of
     * the key that encrypted the tenant's backups, so it is never overwritten by a new key.
     */
    public void writeNewKey(WrappedKeyset key) {
        writeKey(key, false);
    }

    private void writeKey(WrappedKeyset key, boolean replace) {
        Path target = root.resolve(ObjectKeys.tenantKey(key.tenant()));
        Path partial = target.resolveSibling("key.json" + PARTIAL);
        prepareFor(target);
        try {
            Files.write(partial, key.toJson());
            if (replace) {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try {
                    Files.createLink(target, partial);
                } finally {
                    Files.delete(partial);
                }
            }
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            throw new VaultException("tenant " + key.tenant() + " already has a key at " + root + "; it is kept");
        } catch (IOException e) {
            throw new VaultException("cannot write the key of tenant " + key.tenant() + " to " + root + ": " + e, e);
        }
    }

    public Optional<WrappedKeyset> key(String tenant) {
        try {
            return Optional.of(WrappedKeyset.fromJson(Files.readAllBytes(root.resolve(ObjectKeys.tenantKey(tenant)))));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw new VaultException("cannot read the key of tenant " + tenant + " at " + root + ": " + e, e);
        }
    }

    /** Removes everything of the tenant here: its key first, so whatever may be left can no longer be read. */
    public void deleteTenant(String tenant) {
        Path dir = tenantDir(tenant);
        try {
            Files.deleteIfExists(root.resolve(ObjectKeys.tenantKey(tenant)));
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new VaultException("cannot remove tenant " + tenant + " from " + root + ": " + e, e);
        }
    }

    /** Deletes one backup file, if it is there. */
    public void delete(StoredBackup backup) {
        try {
            Files.deleteIfExists(backup.file());
        } catch (IOException e) {
            throw new VaultException("cannot delete " + backup.file() + ": " + e, e);
        }
    }

    /** Removes what interrupted writes left behind; returns how many files. */
    public int removePartials() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> partials = files.filter(p -> p.getFileName().toString().endsWith(PARTIAL)).toList();
            for (Path p : partials) {
                Files.deleteIfExists(p);
            }
            return partials.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path tenantDir(String tenant) {
        return root.resolve(ObjectKeys.tenantPrefix(tenant));
    }

    private Path backupsOf(String tenant) {
        return root.resolve(ObjectKeys.backupsPrefix(tenant));
    }

    private static List<StoredBackup> list(String owner, Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<StoredBackup> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + BackupName.SUFFIX)) {
            for (Path file : files) {
                Optional<BackupName> name = BackupName.parse(file.getFileName().toString());
                if (name.isPresent()) {
                    found.add(new StoredBackup(owner, name.get(), file, Files.size(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(StoredBackup::name));
        return found;
    }
}
