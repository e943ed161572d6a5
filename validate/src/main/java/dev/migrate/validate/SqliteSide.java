package dev.migrate.validate;

import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.SqliteCell;
import dev.migrate.core.canonical.SqliteConversion;
import dev.migrate.core.canonical.SqliteDriverCells;
import dev.migrate.core.canonical.SqliteValues;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.sql.SqliteDialect;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A SQLite file opened read-only, in one read transaction, values through {@link SqliteValues}. */
final class SqliteSide extends JdbcSide {

    private final Map<String, Map<String, String>> columns = new HashMap<>();
    private final Map<String, List<String>> keys = new HashMap<>();
    private Boolean utf8;

    /** {@link #badForms}: written by the thread reading the table, read after it has finished. */
    private final Map<String, long[]> badForms = new ConcurrentHashMap<>();

    SqliteSide(Endpoint.Sqlite endpoint) {
        super(endpoint, Databases.openSqlite(endpoint.file()), "query failed");
    }

    static String quote(String name) {
        return SqliteDialect.INSTANCE.quote(name);
    }

    @Override
    public String kind() {
        return "sqlite";
    }

    @Override
    Set<String> readTables() {
        Set<String> out = new LinkedHashSet<>();
        query(
                "select name from sqlite_schema where type = 'table' and name not like 'sqlite\\_%' escape '\\'",
                null, rs -> out.add(rs.getString(1)));
        return out;
    }

    @Override
    public Map<String, String> columns(String table) {
        load(table);
        return columns.get(table);
    }

    @Override
    public List<String> primaryKey(String table) {
        load(table);
        return keys.get(table);
    }

    private void load(String table) {
        if (columns.containsKey(table)) {
            return;
        }
        Map<String, String> cols = new LinkedHashMap<>();
        TreeMap<Integer, String> pk = new TreeMap<>();
        if (tables().contains(table)) {
            query(
                    "select name, type, pk from pragma_table_xinfo(?) where hidden in (0, 2, 3)",
                    table,
                    rs -> {
                        cols.put(rs.getString(1), rs.getString(2));
                        if (rs.getInt(3) > 0) {
                            pk.put(rs.getInt(3), rs.getString(1));
                        }
                    },
                    table);
        }
        columns.put(table, cols);
        keys.put(table, new ArrayList<>(pk.values()));
    }

    @Override
    public RowStream rows(String table, List<String> cols, List<ColumnSchema> compared, Selection selection) {
        if (selection.where() != null || selection.byOtherSideKeys()) {
            throw new IllegalStateException("SQLite rows are always read whole");
        }
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append(SqliteValues.INSTANCE.selectExpression(
                            cols.get(i), compared.get(i).type()));
        }
        if (cols.isEmpty()) {
            sql.append("1");
        }
        sql.append(" from ").append(quote(table));
        try {
            PreparedStatement ps = connection().prepareStatement(sql.toString());
            Readers readers = (column, position) -> reader(column);
            if (utf8()) {
                SqliteDriverCells cells = new SqliteDriverCells(ps, cols.size());
                // Only the first read of a table counts (DiffFinder and rules may read it again).
                long[] counts = badForms.putIfAbsent(table, new long[cols.size()]) == null ? badForms.get(table) : null;
                readers = (column, position) -> SqliteCellReads.reader(column, cells, counts, position);
            }
            return resultSetRows(ps, ps.executeQuery(), compared, readers, endpoint(), table);
        } catch (SQLException e) {
            throw Databases.failure(endpoint(), table, "cannot read table", e);
        }
    }

    /**
     * Whether reading a table whole also counts its values that are not in their storage form
     * ({@link StoredForm}, {@link #badForms}), so that {@link SqliteChecks#formats} need not scan it
     * again: in a UTF-8 database, where the rows are read through {@link SqliteCellReads}.
     */
    boolean checksStoredForms() {
        return utf8();
    }

    /**
     * Per compared column of {@code table}, the values not in their storage form counted while the
     * table was first read whole ({@link #rows}); null when it was not read, or not counted ({@link
     * #checksStoredForms} false). Read after the reading thread is done with the table.
     */
    long[] badForms(String table) {
        return badForms.get(table);
    }

    /**
     * Takes {@code counts} as the table's {@link #badForms}: counted by another {@code SqliteSide}
     * of the same file reading the table whole with the same columns ({@link SourceReadAhead}).
     */
    void adoptBadForms(String table, long[] counts) {
        badForms.putIfAbsent(table, counts);
    }

    /**
     * Whether the database's text encoding is UTF-8, where {@link SqliteCellReads} may fetch a
     * text's stored bytes as its UTF-8; asked once.
     */
    private boolean utf8() {
        if (utf8 == null) {
            try {
                utf8 = SqliteDriverCells.storesUtf8(connection());
            } catch (SQLException e) {
                throw Databases.failure(endpoint(), null, "query failed", e);
            }
        }
        return utf8;
    }

    /**
     * The canonical reader with the conversion export-sqlite recorded for the column (so a SQLite
     * source is read exactly as it was exported), except that jsonb text is not compacted: {@link
     * ComparableEncoder} parses it anyway.
     */
    static ColumnReader reader(ColumnSchema column) {
        StagingType type = column.type();
        SqliteConversion conversion = SqliteConversion.of(column);
        if (type.kind() != StagingKind.JSONB) {
            return SqliteValues.INSTANCE.reader(type, conversion);
        }
        SqliteValues.CellConverter converter = SqliteValues.converter(type, conversion);
        SqliteCell cell = new SqliteCell();
        return (rs, i) -> {
            cell.read(rs, i);
            return cell.isNull() ? null : converter.convert(cell);
        };
    }
}
