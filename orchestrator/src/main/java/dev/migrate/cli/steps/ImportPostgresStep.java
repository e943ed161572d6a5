package dev.migrate.cli.steps;

import dev.migrate.cli.progress.Progress;
import dev.migrate.cli.report.StepReport;
import dev.migrate.core.config.PostgresTarget;
import dev.migrate.core.report.TableStats;
import dev.migrate.importpg.ImportListener;
import dev.migrate.importpg.ImportPostgresOptions;
import dev.migrate.importpg.ImportResult;
import dev.migrate.importpg.PostgresImporter;
import dev.migrate.importpg.TableImportStats;
import dev.migrate.importpg.TenantOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs import-postgres. */
public final class ImportPostgresStep {

    /** The step's name in summaries. */
    public static final String NAME = "import-postgres";

    /**
     * What to import.
     *
     * @param schema the target schema, or null ({@code public})
     * @param backupRoot where backups go, or null ({@code backups})
     * @param tenant who to expand as, or null for a whole-database import
     */
    public record Request(
            Path exportDir,
            PostgresTarget target,
            String schema,
            boolean dataOnly,
            boolean dropExisting,
            boolean backup,
            Path backupRoot,
            TenantNames tenant) {}

    /** The report (listing the database and the backup), and where the backup went (or null). */
    public record Outcome(StepReport report, Path backup, String userId, boolean userCreated) {}

    private ImportPostgresStep() {}

    /** The module's options for a request. */
    public static ImportPostgresOptions options(Request r) {
        ImportPostgresOptions o = ImportPostgresOptions.of(
                        r.exportDir(), r.target().jdbcUrl(), r.target().properties())
                .withSchema(r.schema())
                .withDataOnly(r.dataOnly())
                .withDropExisting(r.dropExisting())
                .withBackup(r.backup(), r.backupRoot());
        if (r.tenant() != null) {
            TenantNames t = r.tenant();
            o = o.withTenant(
                    new TenantOptions(t.email(), t.usersTable(), t.usersKey(), t.emailColumn(), t.ownerColumn()));
        }
        return o;
    }

    /** Runs the import; failures are thrown as the module's one-line MigrateException. */
    public static Outcome run(Request request, Progress progress) {
        return run(request, progress, () -> {});
    }

    /**
     * As {@link #run(Request, Progress)}, calling {@code allRowsLoaded} once a full import has
     * loaded every row (not a tenant import): on the importing thread, inside its transaction, so
     * it must return at once and not throw.
     */
    public static Outcome run(Request request, Progress progress, Runnable allRowsLoaded) {
        long t0 = System.nanoTime();
        ImportResult result = new PostgresImporter(options(request)).run(new ImportListener() {
            @Override
            public void step(String description) {
                progress.phase(description);
            }

            @Override
            public void tableStarted(String table, long rows) {
                progress.tableStarted("importing", table, rows);
            }

            @Override
            public void rowsLoaded(String table, long rows) {
                progress.rows(table, rows);
            }

            @Override
            public void tableFinished(TableImportStats stats) {
                progress.finishTable();
            }

            @Override
            public void allRowsLoaded() {
                allRowsLoaded.run();
            }
        });
        progress.finishTable();
        String description =
                request.exportDir() + " -> PostgreSQL " + request.target().describe()
                        + (result.userId() == null
                                ? ""
                                : " as user " + result.userId() + (result.userCreated() ? " (created)" : ""));
        List<String> files = new ArrayList<>();
        files.add("PostgreSQL database: " + request.target().describe());
        if (result.backupDirectory() != null) {
            files.add("backup of the touched tables: " + result.backupDirectory());
        }
        StepReport report = StepReports.of(
                NAME,
                description,
                t0,
                result.tables().stream()
                        .map(t -> new TableStats(t.table(), t.rows(), t.bytes(), t.seconds(), t.notes()))
                        .toList(),
                result.warnings(),
                files);
        return new Outcome(report, result.backupDirectory(), result.userId(), result.userCreated());
    }
}
