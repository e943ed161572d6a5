package dev.migrate.importsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.sql.SqliteDialect;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableEntry;
import dev.migrate.core.staging.TableReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one staged table into its SQLite table: one row in memory from the reader, at most one
 * batch of bound rows in sqlite-jdbc (which keeps {@code addBatch} rows until {@code
 * executeBatch}), all inside the caller's transaction.
 */
final class TableLoader {

    private final Connection connection;
    private final StagingReader staging;
    private final int batchSize;
    private final ImportListener listener;
    private final RowHook hook;

    /** Called after each flushed batch; tests use it to inject faults mid-load. */
    interface RowHook {
        RowHook NONE = (connection, table, rows) -> {};

        void afterBatch(Connection connection, String table, long rows) throws SQLException;
    }

    /**
     * A batch is also flushed once its values hold about this many bytes: sqlite-jdbc keeps every
     * bound value of a batch alive until {@code executeBatch}, and 5000 rows of ~2 KB jsonb (the
     * tenant workload's charts, held as UTF-16 strings) were ~25 MB that outlived the young
     * generation and filled the old one: 15 full collections per import. SQLite has no round trip
     * to save, so a smaller batch costs nothing measurable.
     */
    static final long MAX_BATCH_BYTES = 2L << 20;

    /** Progress is reported at least this often (in rows) when wide rows make batches small. */
    static final long PROGRESS_EVERY = 10_000;

    TableLoader(Connection connection, StagingReader staging, int batchSize, ImportListener listener, RowHook hook) {
        this.connection = connection;
        this.staging = staging;
        this.batchSize = batchSize;
        this.listener = listener;
        this.hook = hook;
    }

    /** Loads the table; returns the number of rows inserted. */
    long load(InsertPlan ip) throws SQLException {
        TablePlan plan = ip.plan();
        String source = plan.source().name();
        TableEntry entry = staging.manifest().entry(source).orElseThrow();
        listener.tableStarted(ip.table(), entry.rows());
        List<ColumnPlan> columns = ip.columns();
        ValueBinder[] binders = new ValueBinder[columns.size()];
        for (int i = 0; i < binders.length; i++) {
            binders[i] = new ValueBinder(columns.get(i).type());
        }
        boolean singleton = plan.key() == TablePlan.Key.SINGLETON;
        long rows = 0;
        long batchStart = 1;
        long batchBytes = 0;
        long changesBefore = totalChanges();
        try (TableReader reader = staging.openTable(source);
                PreparedStatement ps = connection.prepareStatement(insertSql(ip))) {
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                rows++;
                if (singleton && rows > 1) {
                    throw MigrateException.input(
                            new Location(entry.file(), source, rows, null),
                            "the table becomes the single-row table \"" + ip.table()
                                    + "\" in tenant mode but holds more than one row");
                }
                for (int i = 0; i < binders.length; i++) {
                    ColumnPlan c = columns.get(i);
                    Object value = c.isSingletonKey() ? Long.valueOf(1) : row[c.sourceIndex()];
                    binders[i].bind(ps, i + 1, value);
                    batchBytes += sizeOf(value);
                }
                if (columns.isEmpty()) {
                    ps.execute(); // INSERT ... DEFAULT VALUES takes no batch
                } else {
                    ps.addBatch();
                }
                if (rows - batchStart + 1 >= batchSize || batchBytes >= MAX_BATCH_BYTES) {
                    flush(ps, ip, entry, batchStart, changesBefore);
                    hook.afterBatch(connection, ip.table(), rows);
                    if (rows / PROGRESS_EVERY != (batchStart - 1) / PROGRESS_EVERY
                            || rows - batchStart + 1 >= batchSize) {
                        listener.rowsLoaded(ip.table(), rows);
                    }
                    batchStart = rows + 1;
                    batchBytes = 0;
                    changesBefore = totalChanges();
                }
            }
            if (rows >= batchStart) {
                flush(ps, ip, entry, batchStart, changesBefore);
                hook.afterBatch(connection, ip.table(), rows);
                listener.rowsLoaded(ip.table(), rows);
            }
        }
        return rows;
    }

    private void flush(PreparedStatement ps, InsertPlan ip, TableEntry entry, long batchStart, long changesBefore)
            throws SQLException {
        if (ip.columns().isEmpty()) {
            return;
        }
        try {
            ps.executeBatch();
        } catch (SQLException e) {
            ps.clearBatch();
            if (!SqliteErrors.isConstraint(e)) {
                throw e;
            }
            // sqlite-jdbc stops at the failing row; the rows before it were inserted and counted.
            long failing = batchStart + (totalChanges() - changesBefore);
            String detail = SqliteErrors.detail(e);
            throw MigrateException.input(
                    new Location(entry.file(), ip.plan().source().name(), failing, failedColumn(detail, ip)),
                    "the value violates the SQLite table's constraint (" + detail + ")");
        }
    }

    /** The column named by "NOT NULL constraint failed: t.c", if any. */
    private static String failedColumn(String detail, InsertPlan ip) {
        int colon = detail.lastIndexOf(": ");
        if (colon < 0) {
            return null;
        }
        String target = detail.substring(colon + 2);
        String prefix = ip.table() + ".";
        if (!target.startsWith(prefix) || target.contains(", ")) {
            return null;
        }
        String name = target.substring(prefix.length());
        for (ColumnPlan c : ip.columns()) {
            if (c.name().equalsIgnoreCase(name) && c.source() != null) {
                return c.source().name();
            }
        }
        return name;
    }

    /** A rough size of a bound value, as held by sqlite-jdbc until the batch runs. */
    private static long sizeOf(Object value) {
        if (value instanceof String s) {
            return 24 + 2L * s.length();
        }
        if (value instanceof byte[] b) {
            return 16 + b.length;
        }
        return 16;
    }

    private long totalChanges() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT total_changes()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String insertSql(InsertPlan ip) {
        SqliteDialect sql = SqliteDialect.INSTANCE;
        if (ip.columns().isEmpty()) {
            return "INSERT INTO " + sql.quote(ip.table()) + " DEFAULT VALUES";
        }
        List<String> names = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (ColumnPlan c : ip.columns()) {
            names.add(sql.quote(c.name()));
            marks.add("?");
        }
        return "INSERT INTO " + sql.quote(ip.table()) + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", marks) + ")";
    }
}
