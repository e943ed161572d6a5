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
import java.util.Collections;
import java.util.List;

/**
 * Streams one staged table into its SQLite table, all inside the caller's transaction: at most
 * {@link #ROWS_PER_INSERT} rows waiting for their statement, and at most one batch of bound rows
 * in sqlite-jdbc (which keeps {@code addBatch} rows until {@code executeBatch}; a batch ends at a
 * statement's end, so it may run a few rows past the batch size).
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
     * same rows). Bounded by {@link #MAX_PARAMETERS} and {@link #MAX_STATEMENT_BYTES}.
     */
    static final int ROWS_PER_INSERT = 16;

    /** SQLite's historical bound on a statement's parameters (newer builds allow 32766). */
    static final int MAX_PARAMETERS = 999;

    /**
     * Rows whose values add up to more than this go one per statement: SQLite keeps a copy of a
     * statement's last bound values until it is closed, so a multi-row statement of big values
     * would hold many of them (one row, as before, for the single-row statement).
     */
    static final long MAX_STATEMENT_BYTES = 256L << 10;

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
        Inserts inserts = new Inserts(ip, entry, binders);
        boolean singleton = plan.key() == TablePlan.Key.SINGLETON;
        long rows = 0;
        long flushed = 0;
        long batchBytes = 0;
        try (TableReader reader = staging.openTable(source);
                PreparedStatement many = connection.prepareStatement(insertSql(ip, inserts.perStatement));
                PreparedStatement one =
                        inserts.perStatement == 1 ? many : connection.prepareStatement(insertSql(ip, 1))) {
            inserts.statements(many, one);
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
                } else {
                    batchBytes += inserts.add(row);
                }
                if (inserts.pendingRows() == 0 && (rows - flushed >= batchSize || batchBytes >= MAX_BATCH_BYTES)) {
                    inserts.flush();
                    hook.afterBatch(connection, ip.table(), rows);
                    if (rows / PROGRESS_EVERY != flushed / PROGRESS_EVERY || rows - flushed >= batchSize) {
                        listener.rowsLoaded(ip.table(), rows);
                    }
                    flushed = rows;
                    batchBytes = 0;
                }
            }
            if (rows > flushed) {
                inserts.drain();
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

    /**
     * The rows of one table on their way into SQLite: gathered {@link #perStatement} at a time for
     * the multi-row statement, and one per statement where a multi-row one would not do (the last
     * rows of the table, rows of big values), always in the staged order.
     */
    private final class Inserts {
        private final InsertPlan ip;
        private final TableEntry entry;
        private final ValueBinder[] binders;
        /** Rows per multi-row statement; 1 where the failing row could not be told apart (below). */
        final int perStatement;

        private final List<Object[]> pending = new ArrayList<>(ROWS_PER_INSERT);
        private long pendingBytes;
        private PreparedStatement many;
        private PreparedStatement one;
        /**
         * For {@link #failingRow}: rows in the table before this load (several rows per
         * statement); rows run and total_changes() at the last flush (one row per statement).
         */
        private final long rowsBefore;

        private long changesBefore;
        private long executedRows;

        Inserts(InsertPlan ip, TableEntry entry, ValueBinder[] binders) throws SQLException {
            this.ip = ip;
            this.entry = entry;
            this.binders = binders;
            this.perStatement = multiRowSafe(ip) ? rowsPerStatement(ip.columns().size()) : 1;
            this.rowsBefore = perStatement > 1 ? rowsIn(ip.table()) : 0;
            this.changesBefore = perStatement == 1 ? totalChanges() : 0;
        }

        void statements(PreparedStatement many, PreparedStatement one) {
            this.many = many;
            this.one = one;
        }

        int pendingRows() {
            return pending.size();
        }

        /** Takes one row; returns its rough size. */
        long add(Object[] row) throws SQLException {
            long size = sizeOf(row, ip.columns());
            pending.add(row);
            pendingBytes += size;
            if (pending.size() == perStatement) {
                bind(many, pending);
                clearPending();
            } else if (pendingBytes >= MAX_STATEMENT_BYTES) {
                drain();
            }
            return size;
        }

        /** Runs what is bound, then the rows still pending one per statement. */
        void drain() throws SQLException {
            flush(many);
            for (Object[] row : pending) {
                bind(one, List.<Object[]>of(row));
            }
            clearPending();
            flush(one);
        }

        void flush() throws SQLException {
            flush(many);
        }

        private void clearPending() {
            pending.clear();
            pendingBytes = 0;
        }

        private void bind(PreparedStatement ps, List<Object[]> rows) throws SQLException {
            int parameter = 1;
            for (Object[] row : rows) {
                for (int i = 0; i < binders.length; i++) {
                    ColumnPlan c = ip.columns().get(i);
                    binders[i].bind(ps, parameter++, c.isSingletonKey() ? Long.valueOf(1) : row[c.sourceIndex()]);
                }
            }
            ps.addBatch();
        }

        private void flush(PreparedStatement ps) throws SQLException {
            if (ip.columns().isEmpty()) {
                return;
            }
            try {
                int[] counts = ps.executeBatch();
                if (perStatement == 1) {
                    // Only the one-row-per-statement count of failingRow needs these.
                    executedRows += counts.length;
                    changesBefore = totalChanges();
                }
            } catch (SQLException e) {
                ps.clearBatch();
                if (!SqliteErrors.isConstraint(e)) {
                    throw e;
                }
                String detail = SqliteErrors.detail(e);
                throw MigrateException.input(
                        new Location(entry.file(), ip.plan().source().name(), failingRow(), failedColumn(detail, ip)),
                        "the value violates the SQLite table's constraint (" + detail + ")");
            }
        }

        /**
         * The 1-based row of this load that failed. One row per statement: sqlite-jdbc stops at
         * the failing statement, and total_changes() counts the statements before it. Several: a
         * failing statement adds nothing to total_changes(), but with no journal SQLite keeps its
         * rows before the failing one, so the row comes right after the rows the load has put in
         * the table ({@link #multiRowSafe} makes sure nothing else changes that count).
         */
        private long failingRow() throws SQLException {
            if (perStatement == 1) {
                return executedRows + (totalChanges() - changesBefore) + 1;
            }
            return rowsIn(ip.table()) - rowsBefore + 1;
        }
    }

    /**
     * Whether a failing row of a multi-row statement can be told from the table's row count: no
     * journal (a schema file may have set another mode, which would roll the statement back), no
     * foreign keys enforced (checked at the statement's end, after all its rows), and no trigger
     * on the table (which could change rows or fail after the row was written).
     */
    private boolean multiRowSafe(InsertPlan ip) throws SQLException {
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                if (!rs.next() || !"off".equalsIgnoreCase(rs.getString(1))) {
                    return false;
                }
            }
            try (ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
                if (!rs.next() || rs.getInt(1) != 0) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?")) {
            ps.setString(1, ip.table());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == 0;
            }
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

    private long totalChanges() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT total_changes()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long rowsIn(String table) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SqliteDialect.INSTANCE.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
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
                + String.join(", ", Collections.nCopies(rows, tuple));
    }
}
