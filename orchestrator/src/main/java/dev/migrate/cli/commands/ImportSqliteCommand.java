package dev.migrate.cli.commands;

import dev.migrate.cli.Endpoints;
import dev.migrate.cli.ExitCodes;
import dev.migrate.cli.ExportDirOption;
import dev.migrate.cli.SummaryOption;
import dev.migrate.cli.report.RunSummary;
import dev.migrate.cli.steps.ImportSqliteStep;
import dev.migrate.core.config.ConfigKey;
import dev.migrate.core.config.MigrateConfig;
import dev.migrate.core.config.SqliteTarget;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migrate import-sqlite}: builds a SQLite file from a verified staging directory. */
@Command(
        name = "import-sqlite",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Import a staging directory into a SQLite file.",
            "",
            "Verifies the staging directory first (files, sizes, row counts, SHA-256), builds the "
                    + "database in a temporary file beside the target in one transaction, checks "
                    + "foreign keys and integrity, then moves it into place atomically. An existing "
                    + "target is backed up first (SQLite online backup) unless --no-backup. On any "
                    + "failure the target is left exactly as it was."
        },
        footer = {
            "",
            "Examples:",
            "  migrate import-sqlite --export-dir out --to app.db",
            "  migrate import-sqlite --to app.db --schema single_user_schema.sql \\",
            "      --backup-dir /var/backups/app"
        })
public final class ImportSqliteCommand extends BaseCommand {

    @Mixin
    ExportDirOption exportDir;

    @Option(
            names = "--to",
            paramLabel = "FILE",
            description = "SQLite file to create or replace: a path, sqlite:PATH or jdbc:sqlite:PATH. "
                    + "Default: sqlite_path from the config file.")
    String to;

    @Option(
            names = "--schema",
            paramLabel = "FILE",
            description = "Create the tables with this DDL file instead of from the manifest; staged "
                    + "columns are matched by name and dropped or missing ones reported.")
    Path schemaFile;

    @Option(names = "--no-backup", description = "Do not back up an existing target before replacing it.")
    boolean noBackup;

    @Option(
            names = "--backup-dir",
            paramLabel = "DIR",
            description = "Where backups go (default: backups/ beside the target).")
    Path backupDir;

    @Mixin
    SummaryOption summary;

    @Override
    public Integer call() {
        MigrateConfig config = settings()
                .with(exportDir, summary)
                .flag(ConfigKey.NO_BACKUP, noBackup)
                .flag(ConfigKey.BACKUP_DIR, backupDir)
                .resolve();
        Endpoints endpoints = new Endpoints(context());
        SqliteTarget target = endpoints.sqlite(
                to != null ? to : endpoints.configuredSqlite(config.to()).orElse(null), "--to", config);
        ImportSqliteStep.Request request = new ImportSqliteStep.Request(
                config.exportDir(),
                target.path(),
                schemaFile,
                !config.flag(ConfigKey.NO_BACKUP),
                config.backupDir().orElse(null));
        ImportSqliteStep.Outcome outcome = withProgress(progress -> ImportSqliteStep.run(request, progress));
        finish(RunSummary.of(ImportSqliteStep.NAME, outcome.report()), config);
        return ExitCodes.SUCCESS;
    }
}
