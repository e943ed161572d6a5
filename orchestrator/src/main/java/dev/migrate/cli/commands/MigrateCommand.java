package dev.migrate.cli.commands;

import dev.migrate.cli.CommonOptions;
import dev.migrate.cli.ExportDirOption;
import dev.migrate.cli.SummaryOption;
import dev.migrate.cli.VersionProvider;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate}: the top command. Without a subcommand it is the orchestrator: export, import
 * and validate in one run, the direction given by the two locations.
 */
@Command(
        name = "migrate",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "[COMMAND]",
        description = {
            "Move an application's data between PostgreSQL and SQLite, in either direction, through "
                    + "a verified JSON staging directory.",
            "",
            "Without a command: export, import and validate in one run. The direction comes from "
                    + "--from and --to (a PostgreSQL URL or a SQLite file); both default to the config "
                    + "file and the environment, so that `migrate --user-email EMAIL` moves one user "
                    + "of the PostgreSQL database named by DATABASE_URL or POSTGRES_* into the SQLite "
                    + "file named by the config file's sqlite_path."
        },
        subcommands = {
            ExportPostgresCommand.class,
            ImportSqliteCommand.class,
            ExportSqliteCommand.class,
            ImportPostgresCommand.class,
            ValidateCommand.class,
            DemoCommand.class,
            AutoComplete.GenerateCompletion.class
        },
        footer = {
            "",
            "Examples:",
            "  # the whole round trip on a throwaway database, nothing to set up",
            "  migrate demo",
            "  # one user of PostgreSQL (DATABASE_URL) into SQLite (config sqlite_path)",
            "  migrate --user-email alice@example.com",
            "  # a SQLite application database into PostgreSQL",
            "  migrate --from app.db --to postgresql://app@localhost/app",
            "  # re-import the existing export; then only validate",
            "  migrate --skip-export --user-email alice@example.com",
            "  migrate --skip-export --skip-import --user-email alice@example.com",
            "",
            "Exit codes: 0 success, 1 validation FAIL, 2 usage error, 3 input error,",
            "            4 runtime error.",
            "Run 'migrate COMMAND --help' for a command's options."
        })
public final class MigrateCommand implements Callable<Integer> {

    @Option(
            names = "--from",
            paramLabel = "SRC",
            description = "Source: a PostgreSQL URL (postgresql://, postgres://, jdbc:postgresql://) or a "
                    + "SQLite file (path, sqlite:PATH, jdbc:sqlite:PATH). Default: PostgreSQL from "
                    + "DATABASE_URL / POSTGRES_* / PG* or the config file.")
    String from;

    @Option(
            names = "--to",
            paramLabel = "DST",
            description = "Target, same forms as --from. Default: the config file's sqlite_path.")
    String to;

    @Option(
            names = "--user-email",
            paramLabel = "EMAIL",
            description = "Move one user's data: collapse into SQLite, or expand into PostgreSQL. "
                    + "Default: MIGRATION_USER_EMAIL.")
    String userEmail;

    @Mixin
    ExportDirOption exportDir;

    @Option(
            names = "--skip-export",
            description = "Do not export: use the existing staging directory (verified first).")
    boolean skipExport;

    @Option(
            names = "--skip-import",
            description = "Do not import. With --skip-export: only validate an already-migrated target.")
    boolean skipImport;

    @Option(names = "--no-backup", description = "Do not back up the target before importing.")
    boolean noBackup;

    @Option(
            names = "--dry-run",
            description = "Print the plan (tables in order, row estimates, each column's mapping, tenant "
                    + "scoping, what is skipped and why) and write nothing.")
    boolean dryRun;

    @Mixin
    SummaryOption summary;

    @Mixin(name = "common")
    CommonOptions common;

    @Override
    public Integer call() {
        throw NotImplementedYet.of("migrate", 5);
    }
}
