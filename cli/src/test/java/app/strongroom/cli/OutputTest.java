package app.strongroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void statusesMapToTheDocumentedExitCodes() {
        assertThat(ExitCodes.forStatus(400)).isEqualTo(2);
        assertThat(ExitCodes.forStatus(415)).isEqualTo(2);
        assertThat(ExitCodes.forStatus(401)).isEqualTo(3);
        assertThat(ExitCodes.forStatus(403)).isEqualTo(3);
        assertThat(ExitCodes.forStatus(404)).isEqualTo(4);
        assertThat(ExitCodes.forStatus(409)).isEqualTo(4);
        assertThat(ExitCodes.forStatus(500)).isEqualTo(5);
        assertThat(ExitCodes.forStatus(503)).isEqualTo(5);
        assertThat(ExitCodes.forFinalStatus("COMPLETED")).isZero();
        for (String unsuccessful : List.of("FAILED", "STOPPED", "ABANDONED")) {
            assertThat(ExitCodes.forFinalStatus(unsuccessful)).as(unsuccessful).isEqualTo(1);
        }
    }

    @Test
    void theProgressBarFillsWithThePercentAndShowsCountsBytesAndTime() {
        Json.Execution running = execution("STARTED", false, new Json.Progress(3, 10, 12_582_912, 30), null, List.of());
        assertThat(ProgressLine.bar(running, START.plusSeconds(42))).isEqualTo("execution 42 backup STARTED ["
                + "#".repeat(9) + ".".repeat(21) + "]  30%  3/10 tenants  12.0 MiB  42s");
        Json.Execution unknownTotal = execution("STARTING", false, null, null, List.of());
        assertThat(ProgressLine.bar(unknownTotal, START)).contains("[" + ".".repeat(30) + "]   0%");
        Json.Execution done = execution("COMPLETED", true, new Json.Progress(10, 10, 2048, 100), 75L, List.of());
        assertThat(ProgressLine.bar(done, START.plusSeconds(500))).contains("#".repeat(30) + "] 100%")
                .endsWith("1m 15s");
        assertThat(ProgressLine.plain(running)).isEqualTo("execution 42 backup STARTED  3/10 tenants  12.0 MiB");
        assertThat(ProgressLine.summary(done)).isEqualTo("execution 42 backup COMPLETED after 1m 15s  10/10 tenants  2.0 KiB");
    }

    @Test
    void theListShowsEachExecutionOnALineAndItsFailedTenantsUnderIt() {
        Json.Execution failed = execution("FAILED", true, new Json.Progress(1, 2, 100, 50), 3L,
                List.of("tenant acme: the backup location cannot be written"));
        Json.Execution running = new Json.Execution(43, "drill", "STARTED", false, START, null, null,
                Map.of("tenant", "t-1"), null, List.of(), true, false, false);
        String table = JobsCommand.table(List.of(running, failed), START.plusSeconds(90));
        assertThat(table.lines()).containsExactly(
                "ID  JOB     STATUS   STARTED (UTC)        DURATION  PROGRESS    PARAMETERS",
                "43  drill   STARTED  2026-03-01 10:00:00  1m 30s+   -           tenant=t-1",
                "42  backup  FAILED   2026-03-01 10:00:00  3s        1/2, 100 B",
                "    tenant acme: the backup location cannot be written");
    }

    @Test
    void sizesAndDurationsReadAtAGlance() {
        assertThat(Text.bytes(0)).isEqualTo("0 B");
        assertThat(Text.bytes(1023)).isEqualTo("1023 B");
        assertThat(Text.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Text.bytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
        assertThat(Text.duration(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(Text.duration(Duration.ofSeconds(61))).isEqualTo("1m 01s");
        assertThat(Text.duration(Duration.ofMinutes(125))).isEqualTo("2h 05m");
        assertThat(Text.duration(Duration.ofSeconds(-3))).isEqualTo("0s");
    }

    @Test
    void backupsShowWhereTheyAreSafe() {
        String table = BackupsCommand.table(List.of(new Json.Backup("b-1", "20260301T100000Z-b-1.sbk", START, 4096L,
                "GOOD", true, true, List.of("eu-central", "eu-west", "us-east"), List.of("europe", "north-america"))));
        assertThat(table.lines()).containsExactly(
                "ID   TAKEN (UTC)          SIZE     STATE  PINNED  SAFE  SITES                       NAME",
                "b-1  2026-03-01 10:00:00  4.0 KiB  GOOD   pinned  safe  eu-central,eu-west,us-east  20260301T100000Z-b-1.sbk");
    }

    @Test
    void theApisJsonIsReadIntoTheToolsRecords() {
        Json.Execution e = Json.JSONB.fromJson("{\"abandonable\":false,\"failures\":[\"tenant a: x\"],\"finished\":true,"
                + "\"id\":7,\"job\":\"backup\",\"parameters\":{\"run\":\"r\"},\"progress\":{\"bytes\":5,\"percent\":100,"
                + "\"tenantsDone\":1,\"tenantsTotal\":1},\"restartable\":true,\"started\":\"2026-03-01T10:00:00Z\","
                + "\"status\":\"FAILED\",\"stoppable\":false,\"unknownField\":1}", Json.Execution.class);
        assertThat(e.id()).isEqualTo(7);
        assertThat(e.started()).isEqualTo(START);
        assertThat(e.ended()).isNull();
        assertThat(e.parameters()).containsEntry("run", "r");
        assertThat(e.progress().percent()).isEqualTo(100);
        assertThat(e.failures()).containsExactly("tenant a: x");
        assertThat(Json.JSONB.toJson(new Json.StartJob("backup", null))).isEqualTo("{\"job\":\"backup\"}");
    }

    private static Json.Execution execution(String status, boolean finished, Json.Progress progress, Long seconds,
                                            List<String> failures) {
        return new Json.Execution(42, "backup", status, finished, START, finished ? START.plusSeconds(seconds) : null,
                seconds, Map.of(), progress, failures, !finished, finished, finished);
    }
}
