package dev.migrate.cli.commands;

import dev.migrate.cli.CliContext;
import dev.migrate.cli.Endpoints;
import dev.migrate.cli.Endpoints.Database;
import dev.migrate.cli.Endpoints.Direction;
import dev.migrate.cli.ExitCodes;
import dev.migrate.cli.ExportDirOption;
import dev.migrate.cli.SummaryOption;
import dev.migrate.cli.TenantNamesOption;
import dev.migrate.cli.VersionProvider;
import dev.migrate.cli.plan.DryRun;
import dev.migrate.cli.progress.Progress;
import dev.migrate.cli.report.RunSummary;
import dev.migrate.cli.report.StepReport;
import dev.migrate.cli.steps.ExportPostgresStep;
import dev.migrate.cli.steps.ExportSqliteStep;
import dev.migrate.cli.steps.ImportPostgresStep;
import dev.migrate.cli.steps.ImportSqliteStep;
import dev.migrate.cli.steps.TenantNames;
import dev.migrate.cli.steps.ValidateStep;
import dev.migrate.core.config.ConfigKey;
import dev.migrate.core.config.MigrateConfig;
import dev.migrate.core.sql.CheckedSqliteFile;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.validate.Endpoint;
import dev.migrate.validate.SourceReadAhead;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
public final class MigrateCommand extends BaseCommand {

    private static final Logger LOG = LoggerFactory.getLogger(MigrateCommand.class);

    private final CliContext context;

    @Option(
            names = "--from",
            paramLabel = "SRC",
            description = "Source: a PostgreSQL URL (postgresql://, postgres://, jdbc:postgresql://) or a "
                    + "SQLite file (path, sqlite:PATH, jdbc:sqlite:PATH). Default: the config file's from; "
                    + "else PostgreSQL from DATABASE_URL / POSTGRES_* / PG* when --to is SQLite.")
    String from;

    @Option(
            names = "--to",
            paramLabel = "DST",
            description = "Target, same forms as --from. Default: the config file's to, else its "
                    + "sqlite_path when the source is PostgreSQL.")
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
            description = "Do not export: re-import the existing staging directory (verified first).")
    boolean skipExport;

    @Option(
            names = "--skip-import",
            description = "Do not import. With --skip-export: only validate an already-migrated target; "
                    + "alone: export, then validate the export against the source.")
    boolean skipImport;

    @Option(names = "--no-backup", description = "Do not back up the target before importing.")
    boolean noBackup;

    @Option(
            names = "--dry-run",
            description = "Print the plan (tables in order, row estimates, each column's mapping, tenant "
                    + "scoping, what is skipped and why) and write nothing.")
    boolean dryRun;

    @Mixin
    TenantNamesOption tenantNames;

    @Mixin
    SummaryOption summary;

    public MigrateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public CliContext context() {
        return context;
    }

    @Override
    public Integer call() {
        MigrateConfig config = settings()
                .with(tenantNames, exportDir, summary)
                .flag(ConfigKey.FROM, from)
                .flag(ConfigKey.TO, to)
                .flag(ConfigKey.USER_EMAIL, userEmail)
                .flag(ConfigKey.NO_BACKUP, noBackup)
                .resolve();
        Direction direction = new Endpoints(context).direction(config);
        TenantNames tenant = TenantNames.from(config);
        Path dir = config.exportDir();
        String schema = config.get(ConfigKey.SCHEMA).orElse("public");
        Path summaryFile = config.path(ConfigKey.SUMMARY).orElse(null);
        LOG.info(
                "{} -> {}{}",
                direction.source().describe(),
                direction.target().describe(),
                tenant == null ? "" : " (user " + tenant.email() + ")");

        if (dryRun) {
            DryRun.print(direction, tenant, schema, dir, skipExport, skipImport, out());
            return ExitCodes.SUCCESS;
        }

        RunSummary run = new RunSummary("migrate", List.of(), null, List.of());
        CheckedSqliteFile targetIntegrityChecked = null;
        Endpoint source = ValidateStep.endpoint(direction.source(), schema);
        Endpoint target = skipImport && !skipExport
                ? new Endpoint.Staging(dir)
                : ValidateStep.endpoint(direction.target(), schema);
        ValidateStep.Request validate = new ValidateStep.Request(source, target, dir, tenant, null, null);
        SourceReadAhead sourceReadAhead = null;
        ValidateStep.Outcome validation;
        try {
            try (Progress progress = Progress.forConsole()) {
                if (skipExport && skipImport) {
                    // Validate only: the whole export is verified first, as before.
                    StagingReader.open(dir);
                    LOG.info("using the existing export in {} (verified)", dir);
                } else if (skipExport) {
                    // The importer checks the manifest, files and sizes first, and every file's SHA-256
                    // and rows while it loads, before the target changes: checking here too would only
                    // read the manifest twice (and a full pass, every file twice).
                    LOG.info("using the existing export in {} (each file verified as it is imported)", dir);
                } else {
                    run = run.plusWithFiles(export(direction.source(), dir, schema, tenant, progress));
                }
                if (!skipImport) {
                    // Into PostgreSQL, validate reads the SQLite source while the server builds keys,
                    // indexes and foreign keys, which leaves this process and a core idle. Not into
                    // SQLite: the import's own index builds and checks keep both cores busy there
                    // (docs/performance.md, seventh session).
                    sourceReadAhead = direction.target().isPostgres() ? ValidateStep.sourceReadAhead(validate) : null;
                    Runnable allRowsLoaded = sourceReadAhead == null ? () -> {} : sourceReadAhead::start;
                    Imported imported =
                            importInto(direction.target(), dir, schema, tenant, config, progress, allRowsLoaded);
                    run = run.plusWithFiles(imported.report());
                    targetIntegrityChecked = imported.integrityChecked();
                }
            }
            validation = ValidateStep.run(validate.withTargetIntegrityChecked(targetIntegrityChecked), sourceReadAhead);
        } finally {
            if (sourceReadAhead != null) {
                sourceReadAhead.close();
            }
        }
        return Validation.finish(validation, out(), summaryFile, run.plus(validation.step()));
    }

    private static StepReport export(Database source, Path dir, String schema, TenantNames tenant, Progress progress) {
        if (source.isPostgres()) {
            return ExportPostgresStep.run(
                    new ExportPostgresStep.Request(source.postgres(), dir, List.of(schema), null, null, tenant),
                    progress);
        }
        return ExportSqliteStep.run(new ExportSqliteStep.Request(source.sqlite().path(), dir, null, null), progress);
    }

    /**
     * An import's report, and for a SQLite target the file as it was when its integrity check had
     * passed: validate, next in this command, need not repeat the check on the same unchanged file.
     */
    private record Imported(StepReport report, CheckedSqliteFile integrityChecked) {}

    private static Imported importInto(
            Database target,
            Path dir,
            String schema,
            TenantNames tenant,
            MigrateConfig config,
            Progress progress,
            Runnable allRowsLoaded) {
        boolean backup = !config.flag(ConfigKey.NO_BACKUP);
        Path backupDir = config.backupDir().orElse(null);
        if (target.isPostgres()) {
            return new Imported(
                    ImportPostgresStep.run(
                                    new ImportPostgresStep.Request(
                                            dir, target.postgres(), schema, false, false, backup, backupDir, tenant),
                                    progress,
                                    allRowsLoaded)
                            .report(),
                    null);
        }
        ImportSqliteStep.Outcome outcome = ImportSqliteStep.run(
                new ImportSqliteStep.Request(dir, target.sqlite().path(), null, backup, backupDir), progress);
        return new Imported(outcome.report(), outcome.integrityChecked());
    }
}
