package app.strongroom.cli;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The staff API's JSON as the tool reads and writes it (see the server's /openapi for the full description). */
public final class Json {
    static final Jsonb JSONB = JsonbBuilder.create();

    private Json() {
    }

    public record Problem(String type, String title, int status, String detail) {
    }

    public record Progress(long tenantsDone, long tenantsTotal, long bytes, int percent) {
    }

    public record Execution(long id, String job, String status, boolean finished, Instant started, Instant ended,
                     Long durationSeconds, Map<String, String> parameters, Progress progress, List<String> failures,
                     boolean stoppable, boolean restartable, boolean abandonable) {
        public Execution {
            parameters = parameters == null ? Map.of() : parameters;
            failures = failures == null ? List.of() : failures;
        }
    }

    public record ExecutionList(List<Execution> executions, long total, int first, int count) {
        public ExecutionList {
            executions = executions == null ? List.of() : executions;
        }
    }

    public record StartJob(String job, String tenant) {
    }

    public record Backup(String id, String name, Instant takenAt, Long sizeBytes, String state, boolean pinned, boolean safe,
                  List<String> sites, List<String> continents) {
        public Backup {
            sites = sites == null ? List.of() : sites;
            continents = continents == null ? List.of() : continents;
        }
    }

    public record BackupList(String tenant, List<Backup> backups) {
        public BackupList {
            backups = backups == null ? List.of() : backups;
        }
    }
}
