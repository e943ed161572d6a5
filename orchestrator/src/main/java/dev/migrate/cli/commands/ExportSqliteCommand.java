package dev.migrate.cli.commands;

import dev.migrate.cli.Endpoints;
import dev.migrate.cli.ExitCodes;
import dev.migrate.cli.ExportDirOption;
import dev.migrate.cli.SummaryOption;
import dev.migrate.cli.TableFilterOption;
import dev.migrate.cli.report.RunSummary;
import dev.migrate.cli.report.StepReport;
import dev.migrate.cli.steps.ExportSqliteStep;
import dev.migrate.core.config.MigrateConfig;
import dev.migrate.core.config.SqliteTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migrate export-sqlite}: a read-only snapshot of a SQLite file into a staging directory. */
@Command(
        name = "export-sqlite",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Export a SQLite file into a staging directory.",
            "",
            "Opens the file read-only (it may be in use by the application) and reads one consistent "
                    + "snapshot. Profiles every column's values: a column gets the type its declared "
                    + "type means only when every value fits; otherwise the narrowest type that holds "
                    + "every value exactly, and the output names the column, the rule and the first "
                    + "offending rows."
        },
        footer = {"", "Examples:", "  migrate export-sqlite --from app.db --export-dir out"})
public final class ExportSqliteCommand extends BaseCommand {

    @Option(
            names = "--from",
            paramLabel = "FILE",
            description = "SQLite file to read: a path, sqlite:PATH or jdbc:sqlite:PATH. "
                    + "Default: sqlite_path from the config file.")
    String from;

    @Mixin
    ExportDirOption exportDir;

    @Mixin
    TableFilterOption tables;

    @Mixin
    SummaryOption summary;

    @Override
    public Integer call() {
        MigrateConfig config = settings().with(exportDir, summary).resolve();
        Endpoints endpoints = new Endpoints(context());
        SqliteTarget source = endpoints.sqlite(
                from != null ? from : endpoints.configuredSqlite(config.from()).orElse(null), "--from", config);
        ExportSqliteStep.Request request =
                new ExportSqliteStep.Request(source.path(), config.exportDir(), tables.includes(), tables.excludes());
        StepReport report = withProgress(progress -> ExportSqliteStep.run(request, progress));
        finish(RunSummary.of(ExportSqliteStep.NAME, report), config);
        return ExitCodes.SUCCESS;
    }
}
