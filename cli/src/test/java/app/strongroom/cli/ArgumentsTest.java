package app.strongroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ArgumentsTest {
    private static final String TOKEN = "srs_" + "A".repeat(43);
    private static final String PIN = "sha256/" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndTheExitCodesAScriptReads() {
        Cli help = Cli.run(Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("jobs", "backups", "Exit codes:", "0   done", "1   the execution ended FAILED",
                "2   usage error", "3   refused", "4   not found", "5   server unreachable", "STRONGROOM_TOKEN");
        assertThat(Cli.run(Map.of(), "jobs", "--help").out()).contains("list", "start", "stop", "restart", "watch");
    }

    @Test
    void withoutATokenNothingIsSentAndTheUsageErrorSaysWhereOneComesFrom() {
        Cli run = Cli.run(Map.of(), "jobs", "list");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no token").contains("--token-file").contains("STRONGROOM_TOKEN");
    }

    @Test
    void aTokenIsNeverAnArgument() {
        Cli run = Cli.run(Map.of(), "jobs", "list", "--token", TOKEN);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown options: '--token'");
    }

    @Test
    void theTokenComesFromItsFileFirstThenTheEnvironment() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "  " + TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        StrongroomCli tool = parse(Map.of("STRONGROOM_TOKEN", "srs_from_env"), "--token-file", file.toString(), "jobs", "list");
        assertThat(tool.token()).isEqualTo(TOKEN);
        assertThat(parse(Map.of("STRONGROOM_TOKEN", TOKEN + " "), "jobs", "list").token()).isEqualTo(TOKEN);
        assertThat(parse(Map.of("STRONGROOM_TOKEN_FILE", file.toString()), "jobs", "list").token()).isEqualTo(TOKEN);

        Files.writeString(file, "two words\n");
        assertThatThrownBy(() -> parse(Map.of(), "jobs", "list", "--token-file", file.toString()).token())
                .isInstanceOf(CliException.class).hasMessageContaining("holds no token");
        assertThatThrownBy(() -> parse(Map.of(), "jobs", "list", "--token-file", dir.resolve("none").toString()).token())
                .isInstanceOf(CliException.class).hasMessageContaining("cannot read the token file");
    }

    @Test
    void aTokenFileOthersMayReadIsWarnedAbout() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, TOKEN);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        StringWriter err = new StringWriter();
        StrongroomCli tool = new StrongroomCli();
        StrongroomCli.commandLine(tool, new PrintWriter(new StringWriter()), new PrintWriter(err, true), Map.of(), false)
                .parseArgs("--token-file", file.toString(), "jobs", "list");
        assertThat(tool.token()).isEqualTo(TOKEN);
        assertThat(err.toString()).contains("others may read").contains("chmod 600");
    }

    @Test
    void optionsAreTakenBeforeOrAfterTheCommandAndFromTheEnvironment() {
        assertThat(parse(Map.of(), "jobs", "list").serverAddress()).isEqualTo(URI.create("https://localhost:8181/"));
        assertThat(parse(Map.of(), "--server", "https://vault.example.com:9443", "jobs", "list").serverAddress())
                .isEqualTo(URI.create("https://vault.example.com:9443/"));
        assertThat(parse(Map.of(), "jobs", "watch", "7", "--server", "https://h.example/strongroom").serverAddress())
                .isEqualTo(URI.create("https://h.example/strongroom/"));
        assertThat(parse(Map.of("STRONGROOM_SERVER", "https://env.example/"), "jobs", "list").serverAddress())
                .isEqualTo(URI.create("https://env.example/"));
        assertThat(parse(Map.of("STRONGROOM_SERVER", "https://env.example/"), "jobs", "list", "--server",
                "https://arg.example/").serverAddress()).as("the option wins").isEqualTo(URI.create("https://arg.example/"));
        StrongroomCli tool = parse(Map.of("STRONGROOM_PIN_SHA256", PIN), "backups", "list", "--tenant", "acme");
        assertThat(tool.pin).isEqualTo(PIN);
    }

    @Test
    void aPlainHttpOrMalformedServerIsAUsageErrorSoNoTokenTravelsInClear() {
        for (String bad : new String[] {"http://localhost:8080/", "localhost:8181", "ftp://h/", "https://", "https://u:p@h/",
                "https://h/?x=1", "not an address"}) {
            Cli run = Cli.run(Map.of("STRONGROOM_TOKEN", TOKEN), "jobs", "list", "--server", bad);
            assertThat(run.exitCode()).as(bad).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(bad).contains("--server");
        }
    }

    @Test
    void aMalformedPinOrAPinWithATrustStoreIsAUsageError() {
        Map<String, String> env = Map.of("STRONGROOM_TOKEN", TOKEN);
        Cli shortPin = Cli.run(env, "jobs", "list", "--pin-sha256", "AAAA");
        assertThat(shortPin.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortPin.err()).contains("32 bytes");
        Cli notBase64 = Cli.run(env, "jobs", "list", "--pin-sha256", "not*base64");
        assertThat(notBase64.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notBase64.err()).contains("not base64");
        Cli both = Cli.run(env, "jobs", "list", "--pin-sha256", PIN, "--trust-store", dir.resolve("x.p12").toString());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("not both");
        Cli noStore = Cli.run(env, "jobs", "list", "--trust-store", dir.resolve("missing.p12").toString());
        assertThat(noStore.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noStore.err()).contains("cannot read the trust store");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Map<String, String> env = Map.of("STRONGROOM_TOKEN", TOKEN);
        assertThat(Cli.run(env, "jobs", "start").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run(env, "jobs", "stop", "forty-two").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run(env, "backups", "list").err()).contains("Missing required option: '--tenant=SLUG'");
        assertThat(Cli.run(env, "jobs", "nonsense").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run(env, "jobs").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run(env).exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli interval = Cli.run(env, "jobs", "watch", "1", "--interval", "0");
        assertThat(interval.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(interval.err()).contains("--interval must be from 0.2 to 60 seconds");
    }

    @Test
    void aServerNobodyAnswersOnIsExitCodeFive() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Cli run = Cli.run(Map.of("STRONGROOM_TOKEN", TOKEN), "jobs", "list", "--server", "https://127.0.0.1:" + port + "/");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.err()).contains("cannot reach 127.0.0.1:" + port);
    }

    private static StrongroomCli parse(Map<String, String> env, String... args) {
        StrongroomCli tool = new StrongroomCli();
        CommandLine line = StrongroomCli.commandLine(tool, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), env, false);
        line.parseArgs(args);
        return tool;
    }
}
