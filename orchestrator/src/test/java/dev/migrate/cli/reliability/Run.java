package dev.migrate.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.cli.CliContext;
import dev.migrate.cli.Migrate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * One in-process run of the real command line ({@link Migrate#commandLine}) with a chosen
 * environment and working directory: its exit code, stdout and stderr.
 */
record Run(List<String> args, int code, String out, String err) {

    /** A Java class name ending in Exception or Error: what a leaked stack trace or cause looks like. */
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("\\b[A-Z][A-Za-z0-9_$]*(Exception|Error)\\b");

    static Run of(String... args) {
        return in(Map.of(), Path.of("").toAbsolutePath(), args);
    }

    static Run withEnv(Map<String, String> env, String... args) {
        return in(env, Path.of("").toAbsolutePath(), args);
    }

    static Run in(Map<String, String> env, Path workingDirectory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Migrate.commandLine(
                new PrintWriter(out, true), new PrintWriter(err, true), new CliContext(env, workingDirectory));
        int code = cmd.execute(args);
        return new Run(List.of(args), code, out.toString(), err.toString());
    }

    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\\R");
    }

    /** The last line on stderr: where the error of a failed run is. */
    String lastErrLine() {
        String[] lines = errLines();
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    /** What to show when an assertion fails. */
    String describe() {
        return "migrate " + String.join(" ", args) + "\n-> exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }

    /**
     * The failure contract: exactly one error line, the last one on stderr, containing the
     * expected fragment (parts separated by " … " must each appear); no stack trace and no exception class name anywhere on stderr.
     */
    void assertOneLineError(int expectedCode, String fragment) {
        assertThat(code).as(describe()).isEqualTo(expectedCode);
        String last = lastErrLine();
        assertThat(last).as(describe()).containsPattern("^(error|migrate[ a-z-]*): ");
        for (String part : fragment.split(" … ")) {
            assertThat(last).as(describe()).contains(part);
        }
        long errorLines = Arrays.stream(errLines())
                .filter(l -> l.startsWith("error:") || l.startsWith("internal error:"))
                .count();
        assertThat(errorLines).as(describe()).isLessThanOrEqualTo(1);
        assertThat(err).as(describe()).doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(EXCEPTION_CLASS.matcher(err).find())
                .as("an exception class name on stderr\n" + describe())
                .isFalse();
    }
}
