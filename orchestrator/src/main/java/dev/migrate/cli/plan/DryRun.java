package dev.migrate.cli.plan;

import dev.migrate.cli.Endpoints.Database;
import dev.migrate.cli.Endpoints.Direction;
import dev.migrate.cli.plan.Plan.ColumnPlan;
import dev.migrate.cli.plan.Plan.TablePlan;
import dev.migrate.cli.steps.TenantNames;
import dev.migrate.core.config.Redactor;
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
        Plan plan;
        if (skipExport) {
            plan = new ManifestPlanner(stagingDir, target.isPostgres(), tenant).plan();
        } else if (source.isPostgres()) {
            plan = new PostgresPlanner(source.postgres(), schema, tenant).plan();
        } else {
            plan = new SqlitePlanner(source.sqlite().path(), tenant).plan();
        }

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
