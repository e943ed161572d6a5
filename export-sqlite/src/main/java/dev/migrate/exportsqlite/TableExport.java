package dev.migrate.exportsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.canonical.SqliteCell;
import dev.migrate.core.canonical.SqliteDriverCells;
import dev.migrate.core.canonical.SqliteValues;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.TableWriter;
import dev.migrate.core.types.StagingType;
import dev.migrate.exportsqlite.catalog.SourceColumn;
import dev.migrate.exportsqlite.catalog.SourceTable;
import dev.migrate.exportsqlite.profile.ColumnDecision;
import dev.migrate.exportsqlite.profile.ColumnProfile;
import dev.migrate.exportsqlite.profile.Example;
import dev.migrate.exportsqlite.profile.Reading;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads one table inside the snapshot: a profile pass that decides each column's staging type,
 * and an export pass that streams every row, converted, into the table's staging file. Usually
 * both happen in one read ({@link #profileAndWrite}): the rows are written under the types the
 * profile would choose if every value fits its declared type, and that file is kept only when the
 * profile, complete, chose exactly those; otherwise the export pass runs again under the real
 * decision ({@link #write}). One row is in memory at a time.
 */
final class TableExport {

    private static final int PROGRESS_EVERY = 10_000;

    /** SQLite's default limit on the columns of a table and of a result set. */
    static final int SQLITE_MAX_COLUMN = 2000;

    private final Connection connection;
    private final Duration busyTimeout;
    private final SourceTable table;
    private final SourceColumn rowidAlias;
    private final boolean utf8;
    private final String select;
    /** Index in the SELECT list of the first table column (1 when the rowid is selected first). */
    private final int firstColumn;

    private final List<ColumnProfile> profiles = new ArrayList<>();
    private List<ColumnDecision> decisions;
    private long profiledRows;
    /** The 1-based number of the row being read, for keyless rows in messages. */
    private long currentRow;

    /**
     * @param utf8 whether the database stores text as UTF-8: its cells are then read through
     *     {@link SqliteDriverCells} (a TEXT value as its bytes), else through {@link SqliteCell#read}
     */
    TableExport(Connection connection, Duration busyTimeout, SourceTable table, boolean utf8) {
        this.utf8 = utf8;
        this.connection = connection;
        this.busyTimeout = busyTimeout;
        this.table = table;
        this.rowidAlias = table.rowidAlias();
        String rowid = table.rowidName();
        String columns =
                table.columns().stream().map(c -> SqlNames.quote(c.name())).collect(Collectors.joining(", "));
        String order;
        if (rowid != null) {
            order = " ORDER BY " + rowid; // the table's own b-tree order: no sort
        } else if (!table.primaryKey().isEmpty()) {
            order = " ORDER BY "
                    + table.primaryKey().stream()
                            .map(c -> SqlNames.quote(c.name()))
                            .collect(Collectors.joining(", "));
        } else {
            order = "";
        }
        // The rowid is selected only to name rows in messages, and only when no column already is
        // the rowid; never when that would exceed SQLite's limit on result columns.
        boolean selectRowid =
                rowid != null && rowidAlias == null && table.columns().size() < SQLITE_MAX_COLUMN;
        String rowidColumn = selectRowid ? rowid + ", " : "";
        this.select = "SELECT " + rowidColumn + columns + " FROM " + SqlNames.quote(table.name()) + order;
        this.firstColumn = selectRowid ? 1 : 0;
        for (SourceColumn c : table.columns()) {
            profiles.add(ColumnProfile.of(c, c == rowidAlias));
        }
    }

    SourceTable table() {
        return table;
    }

    /** The profile pass: every value of every column observed once. */
    void profile() {
        int n = table.columns().size();
        SqliteCell[] cells = newCells();
        Supplier<String> key = keyOf(cells);
        profiledRows = scan(cells, row -> {
            for (int i = 0; i < n; i++) {
                profiles.get(i).observe(cells[firstColumn + i], key);
            }
            return true;
        });
        decisions = profiles.stream().map(ColumnProfile::decide).toList();
    }

    /**
     * The readings the profile would choose if every value fit its column's declared type, one per
     * column; null when some column's decision can only come from its values.
     */
    List<Reading> speculation() {
        List<Reading> guess = new ArrayList<>();
        for (ColumnProfile p : profiles) {
            Reading r = p.speculation();
            if (r == null) {
                return null;
            }
            guess.add(r);
        }
        return guess;
    }

    /**
     * The schema a table file written under {@code guess} is opened with: the table file depends
     * only on the table name, the column names and the staging types (the manifest's schema comes
     * from the complete profile).
     */
    TableSchema speculativeSchema(List<Reading> guess) {
        List<ColumnSchema> columns = new ArrayList<>();
        for (int i = 0; i < guess.size(); i++) {
            SourceColumn c = table.columns().get(i);
            columns.add(
                    new ColumnSchema(c.name(), c.declaredType(), guess.get(i).type(), true, null, null, null, null));
        }
        return new TableSchema(table.name(), null, columns, null, null, null, null, null, null);
    }

    /**
     * The profile pass and the export pass in one read, for the common case where every value
     * fits {@code guess}: each row is profiled ({@link ColumnProfile#observeSpeculatively}) and
     * written under the guess, and at the end the decisions are made from the complete profile
     * exactly as after {@link #profile()}. Reading the table once instead of twice:
     * pgbench_accounts (1M rows) exported in 5.7 CPU s instead of 7.0 (median of 3, A/B on a
     * loaded 2-core machine).
     *
     * @return true when every row was written under the guess; false at the first value the
     *     guess does not take or the writer refuses: reading stops there, the file is incomplete
     *     (the caller discards it) and the profile must be redone ({@link #resetProfile}, {@link
     *     #profile()})
     */
    boolean profileAndWrite(TableWriter writer, List<Reading> guess, ProgressListener listener) {
        int n = table.columns().size();
        SqliteCell[] cells = newCells();
        Supplier<String> key = keyOf(cells);
        Reading[] readings = guess.toArray(new Reading[0]);
        Object[] values = new Object[n];
        long rows = scan(cells, row -> {
            for (int i = 0; i < n; i++) {
                Object v = profiles.get(i).observeSpeculatively(cells[firstColumn + i], key, readings[i]);
                if (v == Reading.REJECTED) {
                    return false;
                }
                values[i] = v;
            }
            if (!writeGuessed(writer, values)) {
                return false;
            }
            if (row % PROGRESS_EVERY == 0) {
                listener.rowsWritten(table.name(), row);
            }
            return true;
        });
        if (rows < 0) {
            return false;
        }
        profiledRows = rows;
        decisions = profiles.stream().map(ColumnProfile::decide).toList();
        return true;
    }

    /**
     * Forgets a speculative profile that stopped at a value its guess does not take, so that
     * {@link #profile()} starts from nothing.
     */
    void resetProfile() {
        profiles.clear();
        for (SourceColumn c : table.columns()) {
            profiles.add(ColumnProfile.of(c, c == rowidAlias));
        }
        decisions = null;
        profiledRows = 0;
    }

    /** Writes a row of canonical values; false when the writer refuses one of them. */
    private static boolean writeGuessed(TableWriter writer, Object[] values) {
        try {
            writer.writeRow(values);
        } catch (MigrateException e) {
            if (e.kind() != MigrateException.Kind.INPUT) {
                throw e; // a write error, not a value the guess cannot hold
            }
            return false;
        }
        return true;
    }

    /**
     * Whether the decisions read every value exactly as {@code guess} did, so that the file
     * {@link #profileAndWrite} wrote under it is byte for byte the one {@link #write} would write.
     */
    boolean decidedAs(List<Reading> guess) {
        for (int i = 0; i < guess.size(); i++) {
            if (!ColumnProfile.sameConversion(decisions.get(i).reading(), guess.get(i))) {
                return false;
            }
        }
        return true;
    }

    List<ColumnDecision> decisions() {
        return decisions;
    }

    /** Replaces one column's decision (an enum whose labels conflict with an earlier table's). */
    void override(int column, ColumnDecision decision) {
        List<ColumnDecision> copy = new ArrayList<>(decisions);
        copy.set(column, decision);
        decisions = copy;
    }

    long profiledRows() {
        return profiledRows;
    }

    ColumnProfile profileOf(int column) {
        return profiles.get(column);
    }

    /** The columns as the manifest records them. */
    List<ColumnSchema> columnSchemas() {
        List<ColumnSchema> out = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            SourceColumn c = table.columns().get(i);
            ColumnDecision d = decisions.get(i);
            boolean isAlias = c == rowidAlias;
            boolean inPrimaryKey = c.primaryKeyPosition() > 0;
            // A rowid alias is never NULL; WITHOUT ROWID tables enforce NOT NULL on their key.
            boolean nullable = !(c.notNull() || isAlias || (inPrimaryKey && table.withoutRowid()));
            StagingType type = d.type();
            String generated = c.isGenerated()
                    ? (c.generatedExpression() == null
                            ? "(expression not found in the CREATE TABLE text)"
                            : c.generatedExpression())
                    : null;
            String note = d.note();
            if (c.isGenerated()) {
                note = join(
                        "generated column (" + (c.hidden() == 3 ? "stored" : "virtual") + "): its values are exported",
                        note);
            }
            // First in the note, where readers of the manifest find it (SqliteConversion.of).
            note = d.reading().conversion().note(note);
            out.add(new ColumnSchema(
                    c.name(),
                    c.declaredType(),
                    type,
                    nullable,
                    c.defaultExpression(),
                    generated,
                    isAlias ? identity(i) : null,
                    note));
        }
        return out;
    }

    /** INTEGER PRIMARY KEY: never reuse an id, so past both sqlite_sequence and max(id). */
    private Identity identity(int column) {
        Long max = profiles.get(column).maxInteger();
        Long seq = table.sequence();
        Long last = max;
        if (seq != null && (last == null || seq > last)) {
            last = seq;
        }
        return new Identity(table.facts().autoincrement() ? "autoincrement" : "rowid", null, last);
    }

    /** The export pass: streams every row into the writer; returns the number of rows. */
    long write(TableWriter writer, ProgressListener listener) {
        int n = table.columns().size();
        SqliteCell[] cells = newCells();
        Object[] values = new Object[n];
        long rows = scan(cells, row -> {
            for (int i = 0; i < n; i++) {
                SqliteCell c = cells[firstColumn + i];
                values[i] = c.isNull() ? null : convert(i, c, row);
            }
            writer.writeRow(values);
            if (row % PROGRESS_EVERY == 0) {
                listener.rowsWritten(table.name(), row);
            }
            return true;
        });
        if (rows != profiledRows) {
            // Cannot happen inside one read transaction; refuse rather than write a manifest that lies.
            throw MigrateException.runtime(
                    Location.table(table.name()),
                    "the table had " + profiledRows + " rows in the profile pass and " + rows
                            + " in the export pass; the snapshot was not stable",
                    null);
        }
        return rows;
    }

    /** What a pass does with the row just read into its cells; false stops the pass. */
    @FunctionalInterface
    private interface RowVisitor {
        boolean visit(long row);
    }

    /**
     * Reads the table in its order, each row into {@code cells} (reused: one row in memory), and
     * hands the row's 1-based number to the visitor. The one read loop of all three passes.
     *
     * @return the rows read, or -1 when the visitor stopped the pass
     */
    private long scan(SqliteCell[] cells, RowVisitor visitor) {
        long rows = 0;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(select)) {
            SqliteDriverCells driverCells = utf8 ? new SqliteDriverCells(s, cells.length) : null;
            while (rs.next()) {
                rows++;
                currentRow = rows;
                readRow(rs, cells, driverCells);
                if (!visitor.visit(rows)) {
                    return -1;
                }
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, Location.table(table.name()), "cannot read the table", busyTimeout);
        }
        return rows;
    }

    private Object convert(int column, SqliteCell c, long row) {
        try {
            return decisions.get(column).reading().convert(c);
        } catch (RuntimeException e) {
            throw MigrateException.input(
                    new Location(
                            null, table.name(), row, table.columns().get(column).name()),
                    "value " + Example.describe(c) + " cannot be written as "
                            + decisions.get(column).type() + ": " + e.getMessage());
        }
    }

    private SqliteCell[] newCells() {
        SqliteCell[] cells = new SqliteCell[firstColumn + table.columns().size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new SqliteCell();
        }
        return cells;
    }

    private static void readRow(ResultSet rs, SqliteCell[] cells, SqliteDriverCells driverCells) throws SQLException {
        for (int i = 0; i < cells.length; i++) {
            if (driverCells != null) {
                driverCells.read(cells[i], rs, i + 1);
            } else {
                cells[i].read(rs, i + 1);
            }
        }
    }

    /** Describes the current row by its primary key, else its rowid: {@code id=2}, {@code rowid=7}. */
    private Supplier<String> keyOf(SqliteCell[] cells) {
        List<SourceColumn> pk = table.primaryKey();
        List<Integer> positions =
                pk.stream().map(c -> firstColumn + table.columns().indexOf(c)).toList();
        return () -> {
            boolean keyHasNull = positions.stream().anyMatch(p -> cells[p].isNull());
            if (!positions.isEmpty() && !(keyHasNull && firstColumn == 1)) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < pk.size(); i++) {
                    parts.add(pk.get(i).name() + "=" + keyValue(cells[positions.get(i)]));
                }
                return String.join(", ", parts);
            }
            return firstColumn == 1 ? "rowid=" + keyValue(cells[0]) : "row " + currentRow;
        };
    }

    private static String keyValue(SqliteCell c) {
        return switch (c.storageClass()) {
            case NULL -> "NULL";
            case INTEGER -> Long.toString(c.integer());
            case REAL -> SqliteValues.realText(c.real());
            case TEXT -> c.validText() ? Example.quote(c.text()) : Example.hex(c.bytes());
            case BLOB -> Example.hex(c.bytes());
        };
    }

    private static String join(String a, String b) {
        return b == null ? a : a + "; " + b;
    }
}
