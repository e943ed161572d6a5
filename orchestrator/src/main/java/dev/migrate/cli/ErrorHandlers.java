package dev.migrate.cli;

import dev.migrate.cli.logging.LoggingSetup;
import dev.migrate.core.MigrateException;
import dev.migrate.core.config.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How failures reach the user: one redacted line on the error stream, the stack trace only with
 * {@code --verbose}, and the exit code from {@link ExitCodes}.
 */
final class ErrorHandlers {

    private ErrorHandlers() {}

    /** Command-line syntax errors: exit 2, one line naming the command and how to get help. */
    static final class Parameters implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            String name = cmd.getCommandSpec().qualifiedName();
            cmd.getErr().println(name + ": " + Redactor.redact(ex.getMessage()) + " (see '" + name + " --help')");
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        }
    }

    /** An {@link Error} from a running command: a one-line internal error, exit 4. */
    static int internalError(Error error, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = Migrate.verbose(parseResult) || LoggingSetup.verbose();
        String hint = error instanceof OutOfMemoryError
                ? " (give the JVM more memory, e.g. MIGRATE_JAVA_OPTS=-Xmx2g)"
                : verbose ? "" : " (run with --verbose for the stack trace)";
        err.println("internal error: " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + Redactor.redact(error.getMessage())) + hint);
        if (verbose) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            err.print(Redactor.redact(trace.toString()));
        }
        err.flush();
        return ExitCodes.RUNTIME_ERROR;
    }

    /** Failures of a running command: the one-line message and its mapped exit code. */
    static final class Execution implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            boolean verbose = Migrate.verbose(parseResult) || LoggingSetup.verbose();
            err.println(oneLine(ex, verbose));
            if (verbose) {
                StringWriter trace = new StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                err.print(Redactor.redact(trace.toString()));
            }
            err.flush();
            return ExitCodes.of(ex);
        }

        private static String oneLine(Exception ex, boolean verbose) {
            if (ex instanceof MigrateException || ex instanceof UsageException) {
                return "error: " + Redactor.redact(ex.getMessage());
            }
            // A bug, not a user error: say so, and say how to get the details.
            String what = ex.getMessage() == null
                    ? ex.getClass().getName()
                    : ex.getClass().getSimpleName() + ": " + Redactor.redact(ex.getMessage());
            return "internal error: " + what.replaceAll("\\s*[\\r\\n]+\\s*", " ")
                    + (verbose ? "" : " (run with --verbose for the stack trace)");
        }
    }
}
