package dev.migrate.cli.steps;

import dev.migrate.cli.VersionProvider;
import dev.migrate.cli.progress.Progress;
import dev.migrate.cli.report.StepReport;
import dev.migrate.core.report.TableStats;
import dev.migrate.exportsqlite.ExportResult;
import dev.migrate.exportsqlite.ExportSqliteOptions;
import dev.migrate.exportsqlite.ProgressListener;
import dev.migrate.exportsqlite.SqliteExporter;
import java.nio.file.Path;
import java.util.List;

/** Runs export-sqlite. */
public final class ExportSqliteStep {

    /** The step's name in summaries. */
    public static final String NAME = "export-sqlite";

    /** What to export. */
    public record Request(Path source, Path exportDir, List<String> includeTables, List<String> excludeTables) {}

    private ExportSqliteStep() {}

    /** The module's options for a request. */
    public static ExportSqliteOptions options(Request r) {
        return ExportSqliteOptions.of(r.source(), r.exportDir(), VersionProvider.version())
                .withTables(r.includeTables(), r.excludeTables());
    }

    /** Runs the export; failures are thrown as the module's one-line MigrateException. */
    public static StepReport run(Request request, Progress progress) {
        long t0 = System.nanoTime();
        ExportResult result = new SqliteExporter(options(request)).run(new ProgressListener() {
            @Override
            public void tableStarted(String table, int index, int tableCount) {
                progress.tableStarted("exporting", table, -1);
            }

            @Override
            public void rowsWritten(String table, long rows) {
                progress.rows(table, rows);
            }

            @Override
            public void tableFinished(TableStats stats) {
                progress.finishTable();
            }
        });
        progress.finishTable();
        return StepReports.of(
                NAME,
                "SQLite " + request.source() + " -> " + request.exportDir(),
                t0,
                result.tables(),
                result.warnings(),
                List.of(StepReports.stagingDirectory(request.exportDir())));
    }
}
