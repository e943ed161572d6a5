package dev.migrate.cli.commands;

import dev.migrate.cli.Endpoints;
import dev.migrate.cli.ExportDirOption;
import dev.migrate.cli.SummaryOption;
import dev.migrate.cli.TenantNamesOption;
import dev.migrate.cli.UsageException;
import dev.migrate.cli.report.RunSummary;
import dev.migrate.cli.steps.TenantNames;
import dev.migrate.cli.steps.ValidateStep;
import dev.migrate.core.config.ConfigKey;
import dev.migrate.core.config.MigrateConfig;
import dev.migrate.validate.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
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
public final class ValidateCommand extends BaseCommand {

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

    @Mixin
    TenantNamesOption tenantNames;

    @Mixin
    SummaryOption summary;

    @Override
    public Integer call() {
        MigrateConfig config = settings()
                .with(tenantNames, exportDir, summary)
                .flag(ConfigKey.FROM, from)
                .flag(ConfigKey.TO, to)
                .flag(ConfigKey.USER_EMAIL, userEmail)
                .flag(ConfigKey.REPORT, report)
                .resolve();
        Endpoints endpoints = new Endpoints(context());
        String schema = config.get(ConfigKey.SCHEMA).orElse("public");
        String src = config.from().orElse(null);
        String dst = config.to().orElse(null);
        Endpoint source;
        Endpoint target;
        if (isDirectory(src) || isDirectory(dst)) {
            if (src == null || dst == null) {
                throw new UsageException("validating a staging directory needs both --from and --to");
            }
            source = side(src, "--from", endpoints, config, schema);
            target = side(dst, "--to", endpoints, config, schema);
        } else {
            Endpoints.Direction direction = endpoints.direction(config);
            source = ValidateStep.endpoint(direction.source(), schema);
            target = ValidateStep.endpoint(direction.target(), schema);
        }
        Path stagingDir = exportDir.given() != null
                ? exportDir.given()
                : source instanceof Endpoint.Staging s
                        ? s.directory()
                        : target instanceof Endpoint.Staging t ? t.directory() : config.exportDir();
        ValidateStep.Outcome outcome = ValidateStep.run(new ValidateStep.Request(
                source,
                target,
                stagingDir,
                TenantNames.from(config),
                config.path(ConfigKey.REPORT).orElse(null),
                rules));
        return Validation.finish(
                outcome,
                out(),
                config.path(ConfigKey.SUMMARY).orElse(null),
                RunSummary.of(ValidateStep.NAME, outcome.step()));
    }

    private static boolean isDirectory(String location) {
        return location != null && Files.isDirectory(Path.of(location));
    }

    private static Endpoint side(
            String location, String origin, Endpoints endpoints, MigrateConfig config, String schema) {
        if (isDirectory(location)) {
            return new Endpoint.Staging(Path.of(location));
        }
        return ValidateStep.endpoint(endpoints.database(location, origin, config), schema);
    }
}
