package dev.migrate.exportpg;

import dev.migrate.core.MigrateException;
import dev.migrate.core.staging.ExportPreview;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.SourceInfo;
import dev.migrate.core.staging.StagingWriter;
import dev.migrate.core.staging.TableEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code export-postgres}: reads a PostgreSQL database (or one user's part of it) in one
 * consistent snapshot and writes a staging directory.
 *
 * <pre>{@code
 * ExportResult r = new PostgresExporter(options).run(listener);
 * }</pre>
 *
 * <p>Order of work: connect and take the snapshot; read the catalog; choose the tables; lock them
 * (ACCESS SHARE, so no one drops them mid-export); in tenant mode find the user and plan the
 * filters (an unknown user fails here, before anything is written); then create the staging
 * directory, stream every table and commit the manifest. Any failure after the directory was
 * created removes what was written (and the directory itself when this run created it).
 */
public final class PostgresExporter {

    /** The listener hears about progress every this many rows. */
    public static final int PROGRESS_EVERY = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(PostgresExporter.class);

    private final ExportPostgresOptions options;

    public PostgresExporter(ExportPostgresOptions options) {
        this.options = options;
    }

    public ExportPostgresOptions options() {
        return options;
    }

    /** Runs the export without progress callbacks. */
    public ExportResult run() {
        return run(ExportListener.NONE);
    }

    /**
     * Runs the export.
     *
     * @throws MigrateException with a one-line message on any failure; the staging directory then
     *     holds no partial export
     */
    public ExportResult run(ExportListener listener) {
        long started = System.nanoTime();
        try (PgSession session = PgSession.open(options.jdbcUrl(), options.connectionProperties(), options.schemas())) {
            ExportPlan plan = new ExportPlanner(session, options).plan();
            return write(session, listener, started, plan);
        }
    }

    /**
     * What {@link #run} would export, decided exactly as {@link #run} decides it (same snapshot,
     * catalog, table choice and order, tenant filters: an unknown user fails here too), without
     * creating the staging directory or writing anything. Rows: in a tenant run, each filtered
     * table's rows are counted in the snapshot with the export's own filter; a table read whole
     * gets the planner's estimate.
     *
     * @throws MigrateException with a one-line message, as {@link #run}
     */
    public ExportPreview plan() {
        try (PgSession session = PgSession.open(options.jdbcUrl(), options.connectionProperties(), options.schemas())) {
            ExportPlan plan = new ExportPlanner(session, options).plan();
            List<ExportPreview.TableRows> rows = new ArrayList<>();
            for (SourceTable t : plan.tables()) {
                Cond filter = plan.tenant() == null ? Cond.TRUE : plan.tenant().filter(TableKey.of(t));
                rows.add(
                        filter.isTrue()
                                ? new ExportPreview.TableRows(
                                        t.name(), Math.max(0, Math.round(t.estimatedRows())), false)
                                : new ExportPreview.TableRows(
                                        t.name(), count(session, t, filter, plan.tenant()), true));
            }
            return new ExportPreview(
                    new SourceInfo("postgresql", session.serverVersion(), session.database()),
                    plan.snapshot(),
                    plan.tenantFilter(),
                    rows,
                    plan.warnings());
        }
    }

    /** The rows the export's filter selects, counted in the snapshot. */
    private static long count(PgSession session, SourceTable t, Cond filter, TenantPlan tenant) {
        String sql = "SELECT count(*) FROM " + t.fromItem() + " WHERE " + filter.whereOrNull();
        try (PreparedStatement s = session.connection().prepareStatement(sql)) {
            for (int i = 1; i <= filter.params(); i++) {
                s.setString(i, tenant.userId());
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw session.error(e, t.name());
        }
    }

    /** Creates the staging directory, streams every table and commits the manifest. */
    private ExportResult write(PgSession session, ExportListener listener, long started, ExportPlan plan) {
        List<SourceTable> exported = plan.tables();
        TenantPlan tenant = plan.tenant();
        Path dir = options.exportDir();
        boolean existed = Files.exists(dir);
        StagingWriter writer = StagingWriter.create(dir);
        try {
            listener.started(exported.size());
            TableExporter tables = new TableExporter(session, writer, options.fetchSize(), listener);
            List<TableEntry> entries = new ArrayList<>();
            List<TableStats> stats = new ArrayList<>();
            int index = 0;
            for (SourceTable t : exported) {
                listener.tableStarted(t.name(), ++index, exported.size());
                long t0 = System.nanoTime();
                TableKey key = TableKey.of(t);
                Cond filter = tenant == null ? Cond.TRUE : tenant.filter(key);
                TableEntry entry = tables.export(t, filter, tenant == null ? null : tenant.userId());
                entries.add(entry);
                List<String> notes = new ArrayList<>(t.notes());
                if (tenant != null) {
                    notes.add(tenant.explanation(key));
                    notes.addAll(plan.tenantNotes().getOrDefault(t.name(), List.of()));
                }
                TableStats s = new TableStats(t.name(), entry.rows(), entry.bytes(), seconds(t0), notes);
                stats.add(s);
                LOG.info("exported {}: {} rows, {} bytes in {} s", t.name(), s.rows(), s.bytes(), s.seconds());
                listener.tableFinished(s);
            }
            Manifest manifest = new Manifest(
                    Manifest.FORMAT_VERSION,
                    options.toolVersion(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                    new SourceInfo("postgresql", session.serverVersion(), session.database()),
                    plan.snapshot(),
                    plan.tenantFilter(),
                    entries);
            writer.commit(manifest);
            return new ExportResult(dir, manifest, stats, plan.warnings(), seconds(started));
        } catch (RuntimeException e) {
            writer.abort();
            if (!existed) {
                deleteIfEmpty(dir);
            }
            throw e;
        }
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e6) / 1e3;
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("staging directory {} not removed: {}", dir, e.toString());
        }
    }
}
