package dev.migrate.cli;

import dev.migrate.cli.commands.MigrateCommand;
import dev.migrate.cli.logging.LogSink;
import dev.migrate.cli.logging.LoggingSetup;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Builds and runs the {@code migrate} command line. {@link #main} is what {@code bin/migrate}
 * runs; tests call {@link #commandLine(PrintWriter, PrintWriter)} to run the same CLI in-process
 * and read what it printed.
 */
public final class Migrate {

    private Migrate() {}

    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(System.out, true, charset);
        PrintWriter err = new PrintWriter(System.err, true, charset);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The complete command line, printing results to {@code out} and messages, log lines and
     * errors to {@code err}. {@code execute(args)} returns the exit code and never exits.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CliContext.system());
    }

    /** The command line with a chosen environment and working directory (tests). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, CliContext context) {
        CommandLine cmd = new CommandLine(new MigrateCommand(context));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(new ErrorHandlers.Parameters());
        cmd.setExecutionExceptionHandler(new ErrorHandlers.Execution());
        cmd.setExecutionStrategy(Migrate::execute);
        // picocli hides its completion command by default; ours is documented, so list it.
        CommandLine completion = cmd.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        return cmd;
    }

    /** Sets up logging from the parsed options, then runs the last command given. */
    private static int execute(ParseResult parseResult) {
        CommandLine cmd = parseResult.commandSpec().commandLine();
        LogSink.redirect(cmd.getErr());
        try {
            LoggingSetup.apply(verbose(parseResult), logFile(parseResult));
            return new CommandLine.RunLast().execute(parseResult);
        } catch (OutOfMemoryError | StackOverflowError | LinkageError e) {
            // picocli passes Errors through; these are worth one clear line rather than a JVM dump.
            return ErrorHandlers.internalError(e, cmd, parseResult);
        } finally {
            cmd.getErr().flush();
            LogSink.reset();
        }
    }

    /** True when {@code --verbose} was given to the top command or to the subcommand. */
    static boolean verbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            CommonOptions common = common(p.commandSpec());
            if (common != null && common.verbose()) {
                return true;
            }
        }
        return false;
    }

    private static Path logFile(ParseResult parseResult) {
        Path found = null;
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            CommonOptions common = common(p.commandSpec());
            if (common != null && common.logFile() != null) {
                found = common.logFile();
            }
        }
        return found;
    }

    private static CommonOptions common(CommandSpec spec) {
        CommandSpec mixin = spec.mixins().get("common");
        return mixin != null && mixin.userObject() instanceof CommonOptions c ? c : null;
    }
}
