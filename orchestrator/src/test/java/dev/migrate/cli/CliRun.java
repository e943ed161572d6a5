package dev.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The outcome of one in-process run of the real command line: exit code, stdout, stderr. */
public record CliRun(int code, String out, String err) {

    /** Runs {@code migrate args...} in-process, exactly as {@code bin/migrate} would. */
    public static CliRun run(String... args) {
        return run(Migrate.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), args);
    }

    /** Runs {@code migrate args...} in-process with the given environment (and the real working directory). */
    public static CliRun runWithEnv(java.util.Map<String, String> env, String... args) {
        CommandLine cmd = Migrate.commandLine(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                new CliContext(env, java.nio.file.Path.of("").toAbsolutePath()));
        return run(cmd, args);
    }

    /** Runs a prepared command line (tests may add subcommands first); its writers are replaced. */
    public static CliRun run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Builds a fresh command line with throwaway writers, for tests that add subcommands. */
    public static CommandLine commandLine() {
        return Migrate.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    /** stderr's last line (the error line of a failed run), or "" when nothing was printed. */
    public String lastErrLine() {
        String[] lines = errLines();
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    /** stderr's lines, without the trailing empty one. */
    public String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\\R");
    }
}
