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

    /**
     * Rows per INSERT statement ({@code VALUES (...), (...), ...}): one statement per row made
     * sqlite-jdbc cross into SQLite to step and reset it for every row, a third of the time of
     * inserting pgbench's 1M accounts rows (1.8 s against 1.2 s with 10-50 rows per statement,
     * same rows). Bounded by {@link #MAX_PARAMETERS}.
     */
    static final int ROWS_PER_INSERT = 16;

    /** SQLite's historical bound on a statement's parameters (newer builds allow 32766). */
    static final int MAX_PARAMETERS = 999;

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
        int perStatement = rowsPerStatement(columns.size());
        boolean singleton = plan.key() == TablePlan.Key.SINGLETON;
        long rows = 0;
        long flushed = 0;
        long batchBytes = 0;
        // Rows read but not yet bound: bound ROWS_PER_INSERT at a time to the multi-row statement,
        // the last few of the table to the single-row one.
        List<Object[]> pending = new ArrayList<>(perStatement);
        long rowsBefore = columns.isEmpty() ? 0 : rowsIn(ip.table());
        try (TableReader reader = staging.openTable(source);
                PreparedStatement many = connection.prepareStatement(insertSql(ip, perStatement));
                PreparedStatement one = perStatement == 1 ? many : connection.prepareStatement(insertSql(ip, 1))) {
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                rows++;
                if (singleton && rows > 1) {
                    throw MigrateException.input(
                            new Location(entry.file(), source, rows, null),
                            "the table becomes the single-row table \"" + ip.table()
                                    + "\" in tenant mode but holds more than one row");
                }
                if (columns.isEmpty()) {
                    one.execute(); // INSERT ... DEFAULT VALUES takes no batch
                    continue;
                }
                pending.add(row);
                batchBytes += sizeOf(row, columns);
                if (pending.size() < perStatement) {
                    continue;
                }
                bind(many, pending, columns, binders);
                pending.clear();
                if (rows - flushed >= batchSize || batchBytes >= MAX_BATCH_BYTES) {
                    flush(ip, entry, many, rowsBefore);
                    hook.afterBatch(connection, ip.table(), rows);
                    if (rows / PROGRESS_EVERY != flushed / PROGRESS_EVERY || rows - flushed >= batchSize) {
                        listener.rowsLoaded(ip.table(), rows);
                    }
                    flushed = rows;
                    batchBytes = 0;
                }
            }
            if (rows > flushed && !columns.isEmpty()) {
                flush(ip, entry, many, rowsBefore);
                for (Object[] row : pending) {
                    bind(one, List.<Object[]>of(row), columns, binders);
                }
                flush(ip, entry, one, rowsBefore);
                hook.afterBatch(connection, ip.table(), rows);
                listener.rowsLoaded(ip.table(), rows);
            }
        }
        return rows;
    }

    /** {@link #ROWS_PER_INSERT}, fewer for wide tables. */
    static int rowsPerStatement(int columns) {
        return columns == 0 ? 1 : Math.max(1, Math.min(ROWS_PER_INSERT, MAX_PARAMETERS / columns));
    }

    /** Binds the rows, in order, as one execution of the statement (which has a place for each). */
    private static void bind(PreparedStatement ps, List<Object[]> rows, List<ColumnPlan> columns, ValueBinder[] binders)
            throws SQLException {
        int parameter = 1;
        for (Object[] row : rows) {
            for (int i = 0; i < binders.length; i++) {
                ColumnPlan c = columns.get(i);
                binders[i].bind(ps, parameter++, c.isSingletonKey() ? Long.valueOf(1) : row[c.sourceIndex()]);
            }
        }
        ps.addBatch();
    }

    private void flush(InsertPlan ip, TableEntry entry, PreparedStatement ps, long rowsBefore) throws SQLException {
        try {
            ps.executeBatch();
        } catch (SQLException e) {
            ps.clearBatch();
            if (!SqliteErrors.isConstraint(e)) {
                throw e;
            }
            // SQLite stops at the failing row; with no journal (SqliteConnections#openBuild) the
            // rows before it in its statement stay, so the failing row comes right after the rows
            // this load has put in the table.
            long failing = rowsIn(ip.table()) - rowsBefore + 1;
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

    /** A rough size of a row's bound values. */
    private static long sizeOf(Object[] row, List<ColumnPlan> columns) {
        long size = 0;
        for (ColumnPlan c : columns) {
            size += c.isSingletonKey() ? 16 : sizeOf(row[c.sourceIndex()]);
        }
        return size;
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

    private long rowsIn(String table) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SqliteDialect.INSTANCE.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String insertSql(InsertPlan ip) {
        return insertSql(ip, 1);
    }

    /** The INSERT of {@code rows} rows at once ({@code VALUES (?, ?), (?, ?)}). */
    static String insertSql(InsertPlan ip, int rows) {
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
        String tuple = "(" + String.join(", ", marks) + ")";
        return "INSERT INTO " + sql.quote(ip.table()) + " (" + String.join(", ", names) + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, tuple));
    }
}
