package dev.migrate.cli.commands;

import dev.migrate.cli.CommonOptions;
import dev.migrate.cli.ExportDirOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migrate validate}: compares source, staging and target; PASS or FAIL. */
@Command(
        name = "validate",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Compare a source and a target (PostgreSQL or SQLite, either direction, or the staging "
                    + "directory against either), table by table.",
            "",
            "Checks row counts (tenant-filtered on the multi-user side), an order-independent checksum "
                    + "over canonical values, the first differing rows by primary key, foreign-key "
                    + "orphans, JSON/UUID/date formats, integrity and sequences. Writes "
                    + "validation_report.json and prints a table. Exit 0 on PASS, 1 on FAIL."
        },
        footer = {
            "",
            "Examples:",
            "  migrate validate --from postgresql://app@localhost/app --to app.db \\",
            "      --user-email alice@example.com",
            "  # a staging directory against its SQLite copy",
            "  migrate validate --from out --to app.db"
        })
public final class ValidateCommand implements Callable<Integer> {

    @Option(
            names = "--from",
            paramLabel = "SRC",
            description = "Source: a PostgreSQL URL, a SQLite file or a staging directory.")
    String from;

    @Option(
            names = "--to",
            paramLabel = "DST",
            description = "Target: a PostgreSQL URL, a SQLite file or a staging directory.")
    String to;

    @Mixin
    ExportDirOption exportDir;

    @Option(
            names = "--user-email",
            paramLabel = "EMAIL",
            description = "Tenant run: compare only this user's rows on the multi-user side, and check "
                    + "that no other user's row is in the target. Default: MIGRATION_USER_EMAIL.")
    String userEmail;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description =
                    "Where to write the JSON report (default: validation_report.json in the " + "staging directory).")
    Path report;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "Extra domain rules, one per line, e.g. birth_data.latitude between -90 and 90.")
    Path rules;

    @Mixin(name = "common")
    CommonOptions common;

    @Override
    public Integer call() {
        throw NotImplementedYet.of("validate", 5);
    }
}
