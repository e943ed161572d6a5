package dev.migrate.cli.commands;

import dev.migrate.cli.ExitCodes;
import dev.migrate.cli.demo.Demo;
import dev.migrate.cli.progress.Progress;
import dev.migrate.cli.report.ValidationTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate demo}: the whole round trip on an embedded PostgreSQL, nothing to install. */
@Command(
        name = "demo",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Show the whole round trip on a throwaway PostgreSQL, with nothing to install.",
            "",
            "Starts an embedded PostgreSQL, loads the reference multi-user database, collapses one "
                    + "user into a SQLite file, validates, expands that file back into a copy of the "
                    + "database from which the user was removed, validates again, and prints where "
                    + "the files are and the summary. Exit 0 only if every validation passed."
        },
        footer = {"", "Example:", "  migrate demo --dir /tmp/migrate-demo"})
public final class DemoCommand extends BaseCommand {

    /** The reference database's first user. */
    static final String DEFAULT_USER = "alice@example.com";

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Directory for the demo's files (staging directories, SQLite file, reports). "
                    + "Default: a new directory under the system's temporary directory.")
    Path dir;

    @Option(
            names = "--user-email",
            paramLabel = "EMAIL",
            description = "Which user of the reference database to move (default: alice@example.com).")
    String userEmail;

    @Option(
            names = "--summary",
            paramLabel = "FILE",
            description = "Also write the summary (every step, per table: rows, bytes, seconds) as JSON to FILE.")
    Path summaryFile;

    @Override
    public Integer call() throws IOException {
        settings().resolve(); // honours --config/--log-file/--verbose like every command
        Path workDir = dir != null ? dir : Files.createTempDirectory("migrate-demo-");
        Files.createDirectories(workDir);
        Demo.Result result;
        try (Progress progress = Progress.forConsole()) {
            result = new Demo(workDir, userEmail == null ? DEFAULT_USER : userEmail).run(progress);
        }
        finish(result.summary(), summaryFile);
        ValidationTable.print(result.collapse().report(), out());
        ValidationTable.print(result.expand().report(), out());
        out().println();
        out().println("demo " + (result.passed() ? "PASSED" : "FAILED") + ": files are in " + workDir
                + " (the embedded PostgreSQL has been stopped)");
        out().flush();
        return result.passed() ? ExitCodes.SUCCESS : ExitCodes.VALIDATION_FAILED;
    }
}
