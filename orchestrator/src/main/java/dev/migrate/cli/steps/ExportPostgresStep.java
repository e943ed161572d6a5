package dev.migrate.cli.steps;

import dev.migrate.cli.VersionProvider;
import dev.migrate.cli.progress.Progress;
import dev.migrate.cli.report.StepReport;
import dev.migrate.core.config.PostgresTarget;
import dev.migrate.core.report.TableStats;
import dev.migrate.exportpg.ExportListener;
import dev.migrate.exportpg.ExportPostgresOptions;
import dev.migrate.exportpg.ExportResult;
import dev.migrate.exportpg.PostgresExporter;
import dev.migrate.exportpg.TenantOptions;
import java.nio.file.Path;
import java.util.List;

/** Runs export-postgres. */
public final class ExportPostgresStep {

    /** The step's name in summaries. */
    public static final String NAME = "export-postgres";

    /**
     * What to export.
     *
     * @param tenant who to collapse to, or null for the whole database
     */
    public record Request(
            PostgresTarget source,
            Path exportDir,
            List<String> schemas,
            List<String> includeTables,
            List<String> excludeTables,
            TenantNames tenant) {}

    private ExportPostgresStep() {}

    /** The module's options for a request. */
    public static ExportPostgresOptions options(Request r) {
        ExportPostgresOptions.Builder b = ExportPostgresOptions.builder(
                        r.source().jdbcUrl(), r.source().properties(), r.exportDir())
                .toolVersion(VersionProvider.version());
        if (r.schemas() != null) {
            r.schemas().forEach(b::schema);
        }
        if (r.includeTables() != null) {
            r.includeTables().forEach(b::includeTable);
        }
        if (r.excludeTables() != null) {
            r.excludeTables().forEach(b::excludeTable);
        }
        if (r.tenant() != null) {
            TenantNames t = r.tenant();
            b.tenant(new TenantOptions(t.email(), t.usersTable(), t.usersKey(), t.emailColumn(), t.ownerColumn()));
        }
        return b.build();
    }

    /** Runs the export; failures are thrown as the module's one-line MigrateException. */
    public static StepReport run(Request request, Progress progress) {
        long t0 = System.nanoTime();
        ExportResult result = new PostgresExporter(options(request)).run(new ExportListener() {
            @Override
            public void tableStarted(String table, int index, int tables) {
                progress.tableStarted("exporting", table, -1);
            }

            @Override
            public void rowsWritten(String table, long rows) {
                progress.rows(table, rows);
            }

            @Override
            public void tableFinished(dev.migrate.exportpg.TableStats stats) {
                progress.finishTable();
            }
        });
        progress.finishTable();
        return StepReports.of(
                NAME,
                "PostgreSQL " + request.source().describe() + " -> " + request.exportDir(),
                t0,
                result.tables().stream()
                        .map(t -> new TableStats(t.table(), t.rows(), t.bytes(), t.seconds(), t.notes()))
                        .toList(),
                result.warnings(),
                List.of(StepReports.stagingDirectory(request.exportDir())));
    }
}
