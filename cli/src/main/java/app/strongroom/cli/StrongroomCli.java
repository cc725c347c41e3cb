package app.strongroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code java -jar strongroom-cli.jar jobs|backups ...}: the batch console on the command line. */
@Command(name = "strongroom-cli", mixinStandardHelpOptions = true, version = "strongroom-cli 1",
        description = {"The Strongroom batch console on the command line: start, stop, restart and watch the platform's"
                + " jobs and list a tenant's kept backups, through the staff API of a running server.",
                "",
                "Authenticates with a staff API token (made on the staff page \"API tokens\"), read from --token-file or"
                + " STRONGROOM_TOKEN, never from the command line (where ps shows it)."},
        subcommands = {JobsCommand.class, BackupsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done; for --wait and watch: the execution COMPLETED",
                "1:the execution ended FAILED, STOPPED or ABANDONED",
                "2:usage error (also a value the server found wrong: HTTP 400)",
                "3:refused: the token (HTTP 401) or its owner's role (HTTP 403)",
                "4:not found (HTTP 404) or not possible in its present state (HTTP 409)",
                "5:server unreachable, TLS failed (a pin mismatch, say) or the server failed"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  STRONGROOM_TOKEN                 the token, when --token-file is not given",
                "  STRONGROOM_SERVER                --server",
                "  STRONGROOM_TOKEN_FILE            --token-file",
                "  STRONGROOM_PIN_SHA256            --pin-sha256",
                "  STRONGROOM_TRUST_STORE           --trust-store",
                "  STRONGROOM_TRUST_STORE_PASSWORD  --trust-store-password"})
public class StrongroomCli implements java.util.concurrent.Callable<Integer> {
    static final String DEFAULT_SERVER = "https://localhost:8181/";
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "--server", "STRONGROOM_SERVER",
            "--token-file", "STRONGROOM_TOKEN_FILE",
            "--pin-sha256", "STRONGROOM_PIN_SHA256",
            "--trust-store", "STRONGROOM_TRUST_STORE",
            "--trust-store-password", "STRONGROOM_TRUST_STORE_PASSWORD");

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The server's https:// address (default: " + DEFAULT_SERVER + ").")
    String server;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A file holding the staff API token (keep it readable by you alone). Without it, the token"
                    + " is read from STRONGROOM_TOKEN.")
    Path tokenFile;

    @Option(names = "--pin-sha256", scope = ScopeType.INHERIT, paramLabel = "BASE64",
            description = "Trust exactly the server whose public key has this SHA-256 (base64, as the run command"
                    + " prints it), as for its self-signed certificate.")
    String pin;

    @Option(names = "--trust-store", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Trust the certificates in this key store (PKCS#12 or JKS) instead of the JDK's authorities.")
    Path trustStore;

    @Option(names = "--trust-store-password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "The trust store's password, if it has one.")
    String trustStorePassword;

    private PrintWriter out;
    private PrintWriter err;
    private Map<String, String> env;
    private boolean terminal;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, System.getenv(), System.console() != null));
    }

    /**
     * Runs the tool; returns its exit code. {@code env} stands for the environment; {@code terminal} says whether the
     * output is a terminal (a progress bar is redrawn in place) or not (one line per change).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal) {
        CommandLine line = commandLine(new StrongroomCli(), out, err, env, terminal);
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof CliException failure) {
                command.getErr().println("strongroom-cli: " + failure.getMessage());
                return failure.exitCode();
            }
            command.getErr().println("strongroom-cli: unexpected failure: " + e);
            return ExitCodes.UNREACHABLE;
        });
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command line of {@code tool}, writing to {@code out} and {@code err}, its defaults taken from {@code env}. */
    static CommandLine commandLine(StrongroomCli tool, PrintWriter out, PrintWriter err, Map<String, String> env,
                                   boolean terminal) {
        tool.out = out;
        tool.err = err;
        tool.env = Map.copyOf(env);
        tool.terminal = terminal;
        CommandLine line = new CommandLine(tool);
        line.setOut(out);
        line.setErr(err);
        line.setDefaultValueProvider(tool::fromEnvironment);
        return line;
    }

    private String fromEnvironment(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || !ENVIRONMENT.containsKey(option.longestName())) {
            return null;
        }
        String value = env.get(ENVIRONMENT.get(option.longestName()));
        if (value != null && !value.isBlank()) {
            return value;
        }
        return "--server".equals(option.longestName()) ? DEFAULT_SERVER : null;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing the command: jobs or backups");
    }

    PrintWriter out() {
        return out;
    }

    boolean terminal() {
        return terminal;
    }

    /** A client of the server named, with the token and the trust given; a missing or wrong setting is a usage error. */
    ApiClient api() {
        URI address = serverAddress();
        if (pin != null && trustStore != null) {
            throw new CliException(ExitCodes.USAGE, "give --pin-sha256 or --trust-store, not both");
        }
        Optional<Pin> pinned;
        try {
            pinned = Optional.ofNullable(pin).map(Pin::parse);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        return new ApiClient(address, token(), Trust.context(pinned, Optional.ofNullable(trustStore),
                Optional.ofNullable(trustStorePassword).map(String::toCharArray)));
    }

    URI serverAddress() {
        URI uri;
        try {
            uri = new URI(server.strip());
        } catch (URISyntaxException e) {
            throw new CliException(ExitCodes.USAGE, "--server: \"" + server + "\" is not an address");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new CliException(ExitCodes.USAGE, "--server must be an https:// address (\"" + server
                    + "\" is not): the token is never sent in clear");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new CliException(ExitCodes.USAGE, "--server takes the server's address alone, such as "
                    + DEFAULT_SERVER);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority()
                + (path.endsWith("/") ? path : path + "/"));
    }

    String token() {
        String token;
        String source;
        if (tokenFile != null) {
            source = "the token file " + tokenFile;
            try {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new CliException(ExitCodes.USAGE, "cannot read " + source + ": " + e.getMessage());
            }
            warnIfOthersMayRead(tokenFile);
        } else if (env.get("STRONGROOM_TOKEN") != null) {
            source = "STRONGROOM_TOKEN";
            token = env.get("STRONGROOM_TOKEN").strip();
        } else {
            throw new CliException(ExitCodes.USAGE, "no token: give --token-file FILE or set STRONGROOM_TOKEN (make"
                    + " one on the staff page \"API tokens\")");
        }
        if (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new CliException(ExitCodes.USAGE, source + " holds no token (one line of printable characters)");
        }
        return token;
    }

    private void warnIfOthersMayRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                err.println("strongroom-cli: warning: others may read " + file + " (chmod 600 it)");
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Not a POSIX file system: nothing to check here.
        }
    }
}
