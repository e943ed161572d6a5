package dev.migrate.cli.commands;

import dev.migrate.cli.Endpoints;
import dev.migrate.cli.ExitCodes;
import dev.migrate.cli.ExportDirOption;
import dev.migrate.cli.SummaryOption;
import dev.migrate.cli.TenantNamesOption;
import dev.migrate.cli.report.RunSummary;
import dev.migrate.cli.steps.ImportPostgresStep;
import dev.migrate.cli.steps.TenantNames;
import dev.migrate.core.config.ConfigKey;
import dev.migrate.core.config.MigrateConfig;
import dev.migrate.core.config.PostgresTarget;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migrate import-postgres}: loads a verified staging directory into PostgreSQL, one transaction. */
@Command(
        name = "import-postgres",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Import a staging directory into PostgreSQL.",
            "",
            "Verifies the staging directory first, then in ONE transaction: creates the tables, loads "
                    + "them with COPY, adds keys, indexes and foreign keys (NOT VALID, with the orphan "
                    + "rows listed, where the data violates them), and sets every identity past max(id). "
                    + "On any error nothing is left in the target. A target that already has the "
                    + "tables is refused unless --data-only or --drop-existing. With --user-email, "
                    + "expands a single-user export into an existing multi-user schema as that user."
        },
        footer = {
            "",
            "Examples:",
            "  migrate import-postgres --export-dir out --to postgresql://app@localhost/app",
            "  # as one user of the multi-user database named by DATABASE_URL",
            "  migrate import-postgres --user-email alice@example.com"
        })
public final class ImportPostgresCommand extends BaseCommand {

    @Mixin
    ExportDirOption exportDir;

    @Option(
            names = "--to",
            paramLabel = "URL",
            description = "PostgreSQL to write: postgresql://, postgres:// or jdbc:postgresql:// URL. "
                    + "Default: DATABASE_URL, else POSTGRES_*, else PG* or the config file.")
    String to;

    @Option(
            names = "--user-email",
            paramLabel = "EMAIL",
            description = "Tenant expansion: import as this user (found, or created from the staged "
                    + "app_config). Replaces only this user's rows. Default: MIGRATION_USER_EMAIL.")
    String userEmail;

    @Option(
            names = "--schema",
            paramLabel = "NAME",
            description = "PostgreSQL schema to create or load the tables in (default: public).")
    String schema;

    @Option(names = "--no-backup", description = "Do not back up the tables about to be touched in a non-empty target.")
    boolean noBackup;

    @Option(
            names = "--backup-dir",
            paramLabel = "DIR",
            description = "Where backups go: a staging export per backup, restorable with import-postgres "
                    + "(default: backups/).")
    Path backupDir;

    @Mixin
    TenantNamesOption tenantNames;

    @ArgGroup(exclusive = true)
    ExistingTables existing;

    /** What to do when the target already has the tables: at most one of the two. */
    static final class ExistingTables {
        @Option(
                names = "--data-only",
                description = "Load into the existing tables (after checking their columns are compatible).")
        boolean dataOnly;

        @Option(
                names = "--drop-existing",
                description = "Drop (after a backup) only the tables about to be created, never CASCADE.")
        boolean dropExisting;
    }

    @Mixin
    SummaryOption summary;

    @Override
    public Integer call() {
        MigrateConfig config = settings()
                .with(tenantNames, exportDir, summary)
                .flag(ConfigKey.USER_EMAIL, userEmail)
                .flag(ConfigKey.SCHEMA, schema)
                .flag(ConfigKey.NO_BACKUP, noBackup)
                .flag(ConfigKey.BACKUP_DIR, backupDir)
                .resolve();
        Endpoints endpoints = new Endpoints(context());
        PostgresTarget target = endpoints.postgres(
                to != null ? to : endpoints.configuredPostgres(config.to()).orElse(null), "--to");
        ImportPostgresStep.Request request = new ImportPostgresStep.Request(
                config.exportDir(),
                target,
                config.get(ConfigKey.SCHEMA).orElse("public"),
                existing != null && existing.dataOnly,
                existing != null && existing.dropExisting,
                !config.flag(ConfigKey.NO_BACKUP),
                config.backupDir().orElse(null),
                TenantNames.from(config));
        ImportPostgresStep.Outcome outcome = withProgress(progress -> ImportPostgresStep.run(request, progress));
        finish(RunSummary.of(ImportPostgresStep.NAME, outcome.report()), config);
        return ExitCodes.SUCCESS;
    }
}
