package dev.migrate.cli.commands;

import dev.migrate.cli.Endpoints;
import dev.migrate.cli.ExitCodes;
import dev.migrate.cli.ExportDirOption;
import dev.migrate.cli.SummaryOption;
import dev.migrate.cli.TableFilterOption;
import dev.migrate.cli.TenantNamesOption;
import dev.migrate.cli.report.RunSummary;
import dev.migrate.cli.report.StepReport;
import dev.migrate.cli.steps.ExportPostgresStep;
import dev.migrate.cli.steps.TenantNames;
import dev.migrate.core.config.ConfigKey;
import dev.migrate.core.config.MigrateConfig;
import dev.migrate.core.config.PostgresTarget;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migrate export-postgres}: one consistent snapshot of PostgreSQL into a staging directory. */
@Command(
        name = "export-postgres",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Export a PostgreSQL database (or one user's rows of it) into a staging directory.",
            "",
            "Reads one consistent snapshot (REPEATABLE READ READ ONLY) and streams every table into "
                    + "its JSON file with a SHA-256; the manifest is written last. With --user-email, "
                    + "exports only the rows that user owns plus shared rows; no other user's row leaves "
                    + "the database."
        },
        footer = {
            "",
            "Examples:",
            "  migrate export-postgres --from postgresql://app@localhost/app \\",
            "      --export-dir out",
            "  # one user's rows; the database from DATABASE_URL or POSTGRES_*",
            "  migrate export-postgres --user-email alice@example.com"
        })
public final class ExportPostgresCommand extends BaseCommand {

    @Option(
            names = "--from",
            paramLabel = "URL",
            description = "PostgreSQL to read: postgresql://, postgres:// or jdbc:postgresql:// URL. "
                    + "Default: DATABASE_URL, else POSTGRES_HOST/PORT/DB/USER, else PGHOST/PGPORT/... "
                    + "or the config file. The password may come from the environment or ~/.pgpass.")
    String from;

    @Option(
            names = "--user-email",
            paramLabel = "EMAIL",
            description = "Export only this user's data (tenant collapse). Default: MIGRATION_USER_EMAIL.")
    String userEmail;

    @Mixin
    ExportDirOption exportDir;

    @Option(
            names = "--schema",
            paramLabel = "NAME",
            split = ",",
            description = "PostgreSQL schema(s) to export (repeatable or comma-separated; default: public).")
    List<String> schemas;

    @Mixin
    TableFilterOption tables;

    @Mixin
    TenantNamesOption tenantNames;

    @Mixin
    SummaryOption summary;

    @Override
    public Integer call() {
        MigrateConfig config = settings()
                .with(tenantNames, exportDir, summary)
                .flag(ConfigKey.USER_EMAIL, userEmail)
                .resolve();
        Endpoints endpoints = new Endpoints(context());
        PostgresTarget source = endpoints.postgres(
                from != null
                        ? from
                        : endpoints.configuredPostgres(config.from()).orElse(null),
                "--from");
        List<String> schemaList = schemas != null && !schemas.isEmpty()
                ? schemas
                : List.of(config.get(ConfigKey.SCHEMA).orElse("public"));
        ExportPostgresStep.Request request = new ExportPostgresStep.Request(
                source, config.exportDir(), schemaList, tables.includes(), tables.excludes(), TenantNames.from(config));
        StepReport report = withProgress(progress -> ExportPostgresStep.run(request, progress));
        finish(RunSummary.of(ExportPostgresStep.NAME, report), config);
        return ExitCodes.SUCCESS;
    }
}
