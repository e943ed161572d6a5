package dev.migrate.cli.steps;

import dev.migrate.cli.progress.Progress;
import dev.migrate.cli.report.StepReport;
import dev.migrate.core.report.TableStats;
import dev.migrate.core.sql.CheckedSqliteFile;
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

    /**
     * The report (listing the file and its backup), the backup of the previous target if one was
     * made, and the new target as it was when its integrity check had passed (or null).
     */
    public record Outcome(StepReport report, Path backup, CheckedSqliteFile integrityChecked) {}

    private ImportSqliteStep() {}

    /** The module's options for a request. */
    public static ImportSqliteOptions options(Request r) {
        return ImportSqliteOptions.of(r.exportDir(), r.target())
                .withSchemaFile(r.schemaFile())
                .withBackup(r.backup())
                .withBackupDir(r.backupDir());
    }

    /** Runs the import; failures are thrown as the module's one-line MigrateException. */
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
        List<String> files = new ArrayList<>();
        files.add("SQLite file: " + request.target());
        if (result.backup() != null) {
            files.add("backup of the previous file: " + result.backup());
        }
        StepReport report = StepReports.of(
                NAME,
                request.exportDir() + " -> SQLite " + result.target(),
                t0,
                result.tables().stream()
                        .map(t -> new TableStats(t.table(), t.rows(), t.bytes(), t.seconds(), notes(t)))
                        .toList(),
                result.warnings(),
                files);
        return new Outcome(report, result.backup(), result.integrityChecked());
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
