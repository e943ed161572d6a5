package dev.migrate.cli.steps;

import dev.migrate.cli.progress.Progress;
import dev.migrate.cli.report.StepReport;
import dev.migrate.core.report.RunStats;
import dev.migrate.core.report.TableStats;
import dev.migrate.importsqlite.ImportListener;
import dev.migrate.importsqlite.ImportResult;
import dev.migrate.importsqlite.ImportSqliteOptions;
import dev.migrate.importsqlite.SqliteImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs import-sqlite. */
public final class ImportSqliteStep {

    /** The step's name in summaries. */
    public static final String NAME = "import-sqlite";

    /**
     * What to import.
     *
     * @param schemaFile a DDL file to create the tables from, or null (from the manifest)
     * @param backupDir where backups go, or null (beside the target)
     */
    public record Request(Path exportDir, Path target, Path schemaFile, boolean backup, Path backupDir) {}

    /** The report, and the backup of the previous target if one was made. */
    public record Outcome(StepReport report, Path backup) {}

    private ImportSqliteStep() {}

    public static ImportSqliteOptions options(Request r) {
        return ImportSqliteOptions.of(r.exportDir(), r.target())
                .withSchemaFile(r.schemaFile())
                .withBackup(r.backup())
                .withBackupDir(r.backupDir());
    }

    public static Outcome run(Request request, Progress progress) {
        long t0 = System.nanoTime();
        ImportResult result = new SqliteImporter(options(request)).run(new ImportListener() {
            @Override
            public void phase(String description) {
                progress.phase(description);
            }

            @Override
            public void tableStarted(String table, long expectedRows) {
                progress.tableStarted("importing", table, expectedRows);
            }

            @Override
            public void rowsLoaded(String table, long rowsSoFar) {
                progress.rows(table, rowsSoFar);
            }

            @Override
            public void tableFinished(dev.migrate.importsqlite.TableStats stats) {
                progress.finishTable();
            }
        });
        progress.finishTable();
        List<TableStats> tables = result.tables().stream()
                .map(t -> new TableStats(t.table(), t.rows(), t.bytes(), t.seconds(), notes(t)))
                .toList();
        RunStats stats = new RunStats(List.of(new RunStats.Phase(NAME, Timing.since(t0))), tables, result.warnings());
        StepReport report = new StepReport(NAME, request.exportDir() + " -> SQLite " + result.target(), stats);
        return new Outcome(report, result.backup());
    }

    private static List<String> notes(dev.migrate.importsqlite.TableStats t) {
        if (t.sourceTable() == null || t.sourceTable().equals(t.table())) {
            return t.notes();
        }
        List<String> notes = new ArrayList<>();
        notes.add("loaded from staged table " + t.sourceTable());
        notes.addAll(t.notes());
        return notes;
    }
}
