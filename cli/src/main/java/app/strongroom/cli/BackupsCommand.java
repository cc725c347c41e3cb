package app.strongroom.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code backups list --tenant SLUG}: a tenant's kept backups (operators and helpdesk). */
@Command(mixinStandardHelpOptions = true, name = "backups", description = "Tenants' kept backups (operators and helpdesk).",
        subcommands = BackupsCommand.ListBackups.class)
class BackupsCommand implements Callable<Integer> {
    @ParentCommand
    StrongroomCli tool;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing the command: list");
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "Lists a tenant's kept backups, newest first, with where they are safe.")
    static class ListBackups implements Callable<Integer> {
        @ParentCommand
        BackupsCommand backups;
        @Option(names = "--tenant", required = true, paramLabel = "SLUG", description = "The tenant's short name.")
        String tenant;

        @Override
        public Integer call() {
            Json.BackupList list = backups.tool.api().get("tenants/" + ApiClient.encode(tenant) + "/backups",
                    Json.BackupList.class);
            backups.tool.out().print(table(list.backups()));
            backups.tool.out().println(list.backups().size() + " kept backup(s) of " + list.tenant());
            return ExitCodes.OK;
        }
    }

    static String table(List<Json.Backup> backups) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "TAKEN (UTC)", "SIZE", "STATE", "PINNED", "SAFE", "SITES", "NAME"));
        for (Json.Backup b : backups) {
            rows.add(List.of(b.id(), Text.time(b.takenAt()), b.sizeBytes() == null ? "-" : Text.bytes(b.sizeBytes()),
                    b.state(), b.pinned() ? "pinned" : "-", b.safe() ? "safe" : "not yet",
                    b.sites().isEmpty() ? "-" : String.join(",", b.sites()), b.name()));
        }
        return Text.table(rows);
    }
}
