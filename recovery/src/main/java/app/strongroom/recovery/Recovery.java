package app.strongroom.recovery;

import app.strongroom.vault.VaultException;
import app.strongroom.vault.format.BackupBinding;
import app.strongroom.vault.format.BackupReader;
import app.strongroom.vault.format.Manifest;
import app.strongroom.vault.keys.MasterKey;
import app.strongroom.vault.keys.TenantKeyset;
import app.strongroom.vault.keys.WrappedKeyset;
import app.strongroom.vault.location.DirectoryLocation;
import app.strongroom.vault.location.StoredBackup;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code java -jar strongroom-recovery.jar list|decrypt|decrypt-catalog ...}. Exit codes: 0 done, 1 refused (a key
 * or backup failed its checks, or is missing), 2 the command line was wrong.
 */
@Command(name = "strongroom-recovery", mixinStandardHelpOptions = true, version = "strongroom-recovery 1",
        description = "Lists and decrypts Strongroom backups with nothing but the master key and a backup location.",
        subcommands = {Recovery.ListBackups.class, Recovery.Decrypt.class, Recovery.DecryptCatalog.class})
public class Recovery {
    static final int REFUSED = 1;

    @Option(names = "--location", required = true, description = "The backup location (a directory).")
    Path location;

    @Option(names = "--master-key-file", required = true,
            description = "A file holding a master key as base64 text; repeat it for retired keys.")
    List<Path> masterKeyFiles;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the tool; returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new Recovery());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("refused: " + e.getMessage());
            return REFUSED;
        });
        return line.execute(args);
    }

    List<MasterKey> masterKeys() {
        List<MasterKey> keys = new ArrayList<>();
        for (Path file : masterKeyFiles) {
            try {
                keys.add(MasterKey.ofBase64(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new VaultException("cannot read the master key file " + file + ": " + e.getMessage(), e);
            }
        }
        return keys;
    }

    DirectoryLocation at() {
        if (!Files.isDirectory(location)) {
            throw new VaultException("there is no backup location at " + location);
        }
        return new DirectoryLocation(location);
    }

    static StoredBackup choose(List<StoredBackup> backups, String wanted, String owner) {
        if (backups.isEmpty()) {
            throw new VaultException("there is no backup of " + owner + " at this location");
        }
        if ("latest".equals(wanted)) {
            return backups.get(0);
        }
        return backups.stream().filter(b -> b.name().fileName().equals(wanted) || b.name().id().toString().equals(wanted))
                .findFirst().orElseThrow(() -> new VaultException("there is no backup " + wanted + " of " + owner));
    }

    /** Decrypts {@code chosen} to {@code out}, checked segment by segment, digest by digest, and against its name. */
    static Manifest decryptChecked(StoredBackup chosen, com.google.crypto.tink.StreamingAead aead, byte[] binding,
                                   String owner, Path out) throws IOException {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(chosen.file())) {
            manifest = BackupReader.decryptTo(in, aead, binding, out);
        }
        requireNamedAsWritten(chosen, manifest, owner, out);
        return manifest;
    }

    /**
     * The file's name must say what its manifest says: the time in a name is not part of the encryption's binding, so
     * a renamed old backup could otherwise pass for the latest. On a mismatch the decrypted output is removed.
     */
    static void requireNamedAsWritten(StoredBackup file, Manifest manifest, String owner, Path out) throws IOException {
        boolean matches = manifest.backupId().equals(file.name().id().toString()) && manifest.subject().equals(owner)
                && manifest.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).equals(file.name().createdAt());
        if (!matches) {
            Files.deleteIfExists(out);
            throw new VaultException("the file " + file.name().fileName() + " does not carry the name its backup was "
                    + "written under (manifest: " + manifest.subject() + ", " + manifest.backupId() + ", "
                    + manifest.createdAt() + "): it was renamed, and is refused");
        }
    }

    @Command(name = "list", description = "Lists the catalog's and every tenant's backups at the location.")
    static class ListBackups implements Callable<Integer> {
        @ParentCommand
        Recovery tool;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DirectoryLocation location = tool.at();
            List<MasterKey> keys = tool.masterKeys();
            StringBuilder report = new StringBuilder();
            report.append("catalog\n");
            for (StoredBackup b : location.catalogBackups()) {
                report.append("  ").append(b.name().fileName()).append("  ").append(b.name().createdAt()).append("  ")
                        .append(b.size()).append(" bytes\n");
            }
            for (String tenant : location.tenants()) {
                Optional<WrappedKeyset> key = location.key(tenant);
                String keyState = key.isEmpty() ? "no key (its data cannot be decrypted)"
                        : TenantKeyset.tryUnwrap(key.get(), keys).map(k -> "key " + k.primaryKeyId() + " opens")
                        .orElse("key wrapped by master key " + key.get().masterKeyId() + ", not given");
                report.append("tenant ").append(tenant).append("  ").append(keyState).append('\n');
                for (StoredBackup b : location.backups(tenant)) {
                    report.append("  ").append(b.name().fileName()).append("  ").append(b.name().createdAt())
                            .append("  ").append(b.size()).append(" bytes\n");
                }
            }
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "decrypt", description = "Decrypts one tenant backup to a zip, after checking all of it.")
    static class Decrypt implements Callable<Integer> {
        @ParentCommand
        Recovery tool;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--tenant", required = true, description = "The tenant's id.")
        String tenant;
        @Option(names = "--backup", defaultValue = "latest", description = "File name or id of the backup, or latest.")
        String backup;
        @Option(names = "--out", required = true, description = "Where to write the zip.")
        Path out;

        @Override
        public Integer call() throws IOException {
            DirectoryLocation location = tool.at();
            WrappedKeyset key = location.key(tenant).orElseThrow(() -> new VaultException("tenant " + tenant
                    + " has no key at this location: its backups cannot be decrypted"));
            TenantKeyset keyset = TenantKeyset.unwrap(key, tool.masterKeys());
            StoredBackup chosen = choose(location.backups(tenant), backup, "tenant " + tenant);
            Manifest manifest = decryptChecked(chosen, keyset.streamingAead(),
                    BackupBinding.tenantBackup(tenant, chosen.name().id().toString()), tenant, out);
            spec.commandLine().getOut().println("decrypted " + chosen.name().fileName() + " of tenant "
                    + manifest.subjectName() + " to " + out + ": " + manifest.entries().size()
                    + " entries checked against the manifest");
            return 0;
        }
    }

    @Command(name = "decrypt-catalog", description = "Decrypts one backup of the platform catalog to a zip.")
    static class DecryptCatalog implements Callable<Integer> {
        @ParentCommand
        Recovery tool;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--backup", defaultValue = "latest", description = "File name or id of the backup, or latest.")
        String backup;
        @Option(names = "--out", required = true, description = "Where to write the zip.")
        Path out;

        @Override
        public Integer call() throws IOException {
            StoredBackup chosen = choose(tool.at().catalogBackups(), backup, "the catalog");
            VaultException last = null;
            for (MasterKey key : tool.masterKeys()) {
                try {
                    Manifest manifest = decryptChecked(chosen, key.catalogBackups(),
                            BackupBinding.catalogBackup(chosen.name().id().toString()), DirectoryLocation.CATALOG, out);
                    spec.commandLine().getOut().println("decrypted catalog backup " + chosen.name().fileName() + " to "
                            + out + ": " + manifest.entries().size() + " entries checked against the manifest");
                    return 0;
                } catch (VaultException refused) {
                    last = refused;
                }
            }
            throw last;
        }
    }
}
