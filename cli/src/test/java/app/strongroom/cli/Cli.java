package app.strongroom.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the tool in this JVM with a given environment; returns what it printed and its exit code. */
record Cli(int exitCode, String out, String err) {
    static Cli run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StrongroomCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env, false);
        return new Cli(code, out.toString(), err.toString());
    }
}
