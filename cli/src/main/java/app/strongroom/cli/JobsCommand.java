package app.strongroom.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jobs list|start|stop|restart|abandon|watch}: the platform's batch jobs (platform operators). */
@Command(mixinStandardHelpOptions = true, name = "jobs", description = "The platform's batch jobs and their executions (platform operators).",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Start.class, JobsCommand.Stop.class,
                JobsCommand.Restart.class, JobsCommand.Abandon.class, JobsCommand.WatchOne.class})
class JobsCommand implements Callable<Integer> {
    @ParentCommand
    StrongroomCli tool;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing the command: list, start, stop,"
                + " restart, abandon or watch");
    }

    /** How often --wait and watch ask the server. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    @Command(mixinStandardHelpOptions = true, name = "list", description = "Lists executions, newest first.")
    static class ListJobs implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;
        @Option(names = "--job", paramLabel = "NAME", description = "Only this job's: backup, retention, replication,"
                + " drill or restore.")
        String job;
        @Option(names = "--first", defaultValue = "0", paramLabel = "N", description = "Skip the N newest (default 0).")
        int first;
        @Option(names = "--count", defaultValue = "20", paramLabel = "N", description = "Show N (1 to 100, default 20).")
        int count;

        @Override
        public Integer call() {
            StringBuilder query = new StringBuilder("jobs?first=").append(first).append("&count=").append(count);
            if (job != null) {
                query.append("&job=").append(ApiClient.encode(job));
            }
            Json.ExecutionList page = jobs.tool.api().get(query.toString(), Json.ExecutionList.class);
            jobs.tool.out().print(table(page.executions(), Instant.now()));
            jobs.tool.out().println(page.executions().isEmpty() ? "no executions"
                    : "executions " + (page.first() + 1) + " to " + (page.first() + page.executions().size()) + " of "
                    + page.total());
            return ExitCodes.OK;
        }
    }

    /** The list as a table, each failed tenant on a line of its own under its execution. */
    static String table(List<Json.Execution> executions, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "JOB", "STATUS", "STARTED (UTC)", "DURATION", "PROGRESS", "PARAMETERS"));
        for (Json.Execution e : executions) {
            Duration took = e.durationSeconds() != null ? Duration.ofSeconds(e.durationSeconds())
                    : e.started() != null && !e.finished() ? Duration.between(e.started(), now) : null;
            Json.Progress p = e.progress();
            rows.add(List.of(Long.toString(e.id()), e.job(), e.status(), Text.time(e.started()),
                    took == null ? "-" : Text.duration(took) + (e.finished() ? "" : "+"),
                    p == null ? "-" : p.tenantsDone() + "/" + p.tenantsTotal() + ", " + Text.bytes(p.bytes()),
                    e.parameters().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                            .collect(Collectors.joining(" "))));
        }
        StringBuilder text = new StringBuilder();
        String[] lines = Text.table(rows).split("\n");
        text.append(lines[0]).append('\n');
        for (int i = 0; i < executions.size(); i++) {
            text.append(lines[i + 1]).append('\n');
            for (String failure : executions.get(i).failures()) {
                text.append("    ").append(failure).append('\n');
            }
        }
        return text.toString();
    }

    /** What --wait and watch share. */
    static class Watching {
        @Option(names = "--interval", defaultValue = "1", paramLabel = "SECONDS",
                description = "How often to ask the server while watching (0.2 to 60 s, default 1).")
        double intervalSeconds;

        Duration interval() {
            if (!(intervalSeconds >= 0.2 && intervalSeconds <= 60)) {
                throw new CliException(ExitCodes.USAGE, "--interval must be from 0.2 to 60 seconds");
            }
            return Duration.ofMillis(Math.round(intervalSeconds * 1000));
        }

        int watch(StrongroomCli tool, ApiClient api, long id) {
            return new Watch(api, tool.out(), tool.terminal(), interval()).until(id);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "start", description = "Starts a job for every tenant, or for one.")
    static class Start extends Watching implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;
        @Parameters(paramLabel = "NAME", description = "backup, retention, replication or drill")
        String job;
        @Option(names = "--tenant", paramLabel = "SLUG", description = "Only this tenant (its short name).")
        String tenant;
        @Option(names = "--wait", description = "Watch it to its end; the exit code then says how it ended.")
        boolean wait;

        @Override
        public Integer call() {
            interval();
            ApiClient api = jobs.tool.api();
            Json.Execution started = api.post("jobs", new Json.StartJob(job, tenant), Json.Execution.class);
            jobs.tool.out().println("started " + started.job() + (tenant == null ? " for every tenant" : " for "
                    + tenant) + ": execution " + started.id());
            jobs.tool.out().flush();
            return wait ? watch(jobs.tool, api, started.id()) : ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "stop", description = "Asks a running execution to stop (the work in hand is finished first).")
    static class Stop implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;
        @Parameters(paramLabel = "ID", description = "The execution.")
        long id;

        @Override
        public Integer call() {
            Json.Execution stopping = jobs.tool.api().post("jobs/" + id + "/stop", null, Json.Execution.class);
            jobs.tool.out().println("execution " + stopping.id() + " " + stopping.job() + ": stop asked, now "
                    + stopping.status());
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "restart", description = "Carries a failed or stopped execution on from its checkpoint.")
    static class Restart extends Watching implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;
        @Parameters(paramLabel = "ID", description = "The failed or stopped execution.")
        long id;
        @Option(names = "--wait", description = "Watch the new execution to its end; the exit code then says how it"
                + " ended.")
        boolean wait;

        @Override
        public Integer call() {
            interval();
            ApiClient api = jobs.tool.api();
            Json.Execution restarted = api.post("jobs/" + id + "/restart", null, Json.Execution.class);
            jobs.tool.out().println("execution " + id + " restarted as execution " + restarted.id());
            jobs.tool.out().flush();
            return wait ? watch(jobs.tool, api, restarted.id()) : ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "abandon", description = "Gives a failed or stopped execution up for good.")
    static class Abandon implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;
        @Parameters(paramLabel = "ID", description = "The failed or stopped execution.")
        long id;

        @Override
        public Integer call() {
            Json.Execution abandoned = jobs.tool.api().post("jobs/" + id + "/abandon", null, Json.Execution.class);
            jobs.tool.out().println("execution " + abandoned.id() + " " + abandoned.job() + " is " + abandoned.status());
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "watch", description = "Shows an execution's progress until it ends; the exit code says how it"
            + " ended.")
    static class WatchOne extends Watching implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;
        @Parameters(paramLabel = "ID", description = "The execution.")
        long id;

        @Override
        public Integer call() {
            interval();
            return watch(jobs.tool, jobs.tool.api(), id);
        }
    }
}
