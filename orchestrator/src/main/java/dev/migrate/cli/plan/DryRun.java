package dev.migrate.cli.plan;

import dev.migrate.cli.Endpoints.Database;
import dev.migrate.cli.Endpoints.Direction;
import dev.migrate.cli.plan.Plan.ColumnPlan;
import dev.migrate.cli.plan.Plan.TablePlan;
import dev.migrate.cli.steps.ExportPostgresStep;
import dev.migrate.cli.steps.ExportSqliteStep;
import dev.migrate.cli.steps.TenantNames;
import dev.migrate.core.config.Redactor;
import dev.migrate.core.staging.ExportPreview;
import dev.migrate.core.staging.TenantFilter;
import dev.migrate.exportpg.PostgresExporter;
import dev.migrate.exportsqlite.SqliteExporter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code migrate --dry-run}: prints what the run would do, step by step and table by table, and
 * writes nothing.
 */
public final class DryRun {

    private DryRun() {}

    /** Plans the run and prints the plan to {@code out}. */
    public static void print(
            Direction direction,
            TenantNames tenant,
            String schema,
            Path stagingDir,
            boolean skipExport,
            boolean skipImport,
            PrintWriter out) {
        Database source = direction.source();
        Database target = direction.target();
        Plan plan = skipExport
                ? new ManifestPlanner(stagingDir, target.isPostgres(), tenant).plan()
                : planExport(source, target, tenant, schema, stagingDir);

        out.println("Plan (dry run: nothing is written)");
        out.println(
                "  source:  " + Redactor.redact(source.describe()) + (source.isPostgres() ? " schema " + schema : ""));
        out.println("  target:  " + Redactor.redact(target.describe()) + " " + targetNote(target, schema, tenant));
        out.println("  staging: " + stagingDir + " " + stagingNote(stagingDir, skipExport));
        out.println("  user:    " + (tenant == null ? "none (whole database)" : tenant.email()));
        out.println("  steps:   " + String.join(" -> ", steps(direction, skipExport, skipImport)));
        plan.notes().forEach(n -> out.println("  note:    " + Redactor.redact(n)));
        out.println();

        out.println("tables, in load order (" + plan.tables().size() + "):");
        int i = 0;
        for (TablePlan t : plan.tables()) {
            out.printf(
                    Locale.ROOT,
                    "%3d. %s  (%s%d rows%s)%n",
                    ++i,
                    t.name(),
                    t.rowsExact() ? "" : "~",
                    t.rows(),
                    t.scope() == null ? "" : "; " + t.scope());
            int w = t.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
            for (ColumnPlan c : t.columns()) {
                out.printf(
                        Locale.ROOT,
                        "       %-" + w + "s  %s -> %s -> %s%s%s%n",
                        c.name(),
                        c.sourceType(),
                        c.stagingType(),
                        c.targetType(),
                        c.notNull() ? " not null" : "",
                        c.note() == null ? "" : "  (" + c.note() + ")");
            }
        }
        out.println();
        if (plan.skipped().isEmpty()) {
            out.println("skipped: nothing");
        } else {
            out.println("skipped, not migrated (" + plan.skipped().size() + "):");
            plan.skipped().forEach(s -> out.println("  - " + s));
        }
        out.flush();
    }

    /** The export's own plan: what it would read and write, decided as the export decides it. */
    private static Plan planExport(Database source, Database target, TenantNames tenant, String schema, Path dir) {
        List<String> notes = new ArrayList<>();
        ExportPreview preview;
        if (source.isPostgres()) {
            preview = new PostgresExporter(ExportPostgresStep.options(new ExportPostgresStep.Request(
                            source.postgres(), dir, List.of(schema), null, null, tenant)))
                    .plan();
            TenantFilter record = preview.tenant();
            if (record != null) {
                notes.add("user " + record.userEmail() + " found: " + record.userKey() + " = " + record.userId());
            }
        } else {
            preview = new SqliteExporter(ExportSqliteStep.options(
                            new ExportSqliteStep.Request(source.sqlite().path(), dir, null, null)))
                    .plan();
            notes.add("column types are the export's: it profiled every value (a column whose values do not fit its"
                    + " declared type gets a wider type, named in its note); rows counted exactly");
            if (tenant != null) {
                notes.add("tenant expansion: rows are attached to user " + tenant.email() + " (found in the target, or"
                        + " created from app_config) through " + tenant.ownerColumn() + "; that user's existing rows"
                        + " are replaced, other users' rows are not touched");
            }
        }
        return Plans.of(
                preview.schema(),
                table -> preview.rows(table).orElse(null),
                preview.tenant(),
                tenant,
                target.isPostgres(),
                source.isPostgres(),
                notes);
    }

    private static List<String> steps(Direction d, boolean skipExport, boolean skipImport) {
        List<String> steps = new ArrayList<>();
        steps.add(
                skipExport
                        ? "(verify the existing export)"
                        : d.postgresToSqlite() ? "export-postgres" : "export-sqlite");
        if (!skipImport) {
            steps.add(d.postgresToSqlite() ? "import-sqlite" : "import-postgres");
        }
        steps.add(skipImport && !skipExport ? "validate (export against source)" : "validate");
        return steps;
    }

    private static String targetNote(Database target, String schema, TenantNames tenant) {
        if (target.isPostgres()) {
            return tenant == null
                    ? "(tables created in schema " + schema + "; refused if they exist; one transaction)"
                    : "(expanded into the existing multi-user schema " + schema + "; one transaction)";
        }
        Path file = target.sqlite().path();
        return Files.exists(file)
                ? "(exists: rebuilt beside it and swapped in atomically, after a backup unless --no-backup)"
                : "(new file)";
    }

    private static String stagingNote(Path dir, boolean skipExport) {
        if (skipExport) {
            return "(existing export, verified)";
        }
        return Files.exists(dir) ? "(exists: its export would be replaced)" : "(would be created)";
    }
}
