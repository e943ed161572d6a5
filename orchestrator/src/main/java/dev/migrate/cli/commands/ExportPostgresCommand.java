package dev.migrate.cli.commands;

import dev.migrate.cli.CommonOptions;
import dev.migrate.cli.ExportDirOption;
import dev.migrate.cli.SummaryOption;
import java.util.List;
import java.util.concurrent.Callable;
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
public final class ExportPostgresCommand implements Callable<Integer> {

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

    @Option(
            names = "--include-table",
            paramLabel = "GLOB",
            split = ",",
            description = "Export only tables matching GLOB (repeatable; * and ? wildcards).")
    List<String> includeTables;

    @Option(
            names = "--exclude-table",
            paramLabel = "GLOB",
            split = ",",
            description = "Skip tables matching GLOB (repeatable; applied after --include-table).")
    List<String> excludeTables;

    @Option(
            names = "--users-table",
            paramLabel = "NAME",
            description = "Tenant mode: table holding the users (default: users).")
    String usersTable;

    @Option(
            names = "--user-key",
            paramLabel = "COLUMN",
            description = "Tenant mode: primary key column of the users table (default: id).")
    String userKey;

    @Option(
            names = "--email-column",
            paramLabel = "COLUMN",
            description = "Tenant mode: column of the users table holding the email (default: email).")
    String emailColumn;

    @Option(
            names = "--owner-column",
            paramLabel = "COLUMN",
            description = "Tenant mode: column naming a row's owner in other tables (default: user_id).")
    String ownerColumn;

    @Mixin
    SummaryOption summary;

    @Mixin(name = "common")
    CommonOptions common;

    @Override
    public Integer call() {
        throw NotImplementedYet.of("export-postgres", 3);
    }
}
