package dev.migrate.validate;

import dev.migrate.core.MigrateException;
import dev.migrate.core.canonical.CanonicalRows;
import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.PostgresCopyRows;
import dev.migrate.core.canonical.PostgresValues;
import dev.migrate.core.canonical.PostgresValues.CopyReader;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.sql.FetchSize;
import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.core.types.StagingType;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A PostgreSQL schema read in one read-only snapshot, values through {@link PostgresValues}. */
final class PostgresSide extends JdbcSide {

    static final int FETCH_SIZE = 5000;

    private final Endpoint.Postgres endpoint;
    private final Map<String, Map<String, String>> columns = new HashMap<>();

    PostgresSide(Endpoint.Postgres endpoint) {
        super(endpoint, Databases.openPostgres(endpoint), "catalog query failed");
        this.endpoint = endpoint;
        try {
            PostgresValues.prepareSession(connection());
        } catch (SQLException e) {
            close();
            throw Databases.failure(endpoint, null, "cannot prepare the session", e);
        }
    }

    String schema() {
        return endpoint.schema();
    }

    /** {@code "schema"."table"}. */
    String qualified(String table) {
        return PostgresDialect.INSTANCE.quoteQualified(endpoint.schema(), table);
    }

    static String quote(String name) {
        return PostgresDialect.INSTANCE.quote(name);
    }

    @Override
    public String kind() {
        return "postgresql";
    }

    @Override
    Set<String> readTables() {
        Set<String> out = new LinkedHashSet<>();
        query(SqlResources.load("pg_tables.sql"), null, rs -> out.add(rs.getString(1)), endpoint.schema());
        return out;
    }

    @Override
    public Map<String, String> columns(String table) {
        return columns.computeIfAbsent(table, t -> {
            Map<String, String> out = new LinkedHashMap<>();
            query(
                    SqlResources.load("pg_columns.sql"),
                    t,
                    rs -> out.put(rs.getString(1), rs.getString(2)),
                    endpoint.schema(),
                    t);
            return out;
        });
    }

    @Override
    public List<String> primaryKey(String table) {
        List<String> out = new ArrayList<>();
        query(SqlResources.load("pg_primary_key.sql"), table, rs -> out.add(rs.getString(1)), endpoint.schema(), table);
        return out;
    }

    @Override
    public RowStream rows(String table, List<String> cols, List<ColumnSchema> compared, Selection selection) {
        List<StagingType> types = compared.stream().map(ColumnSchema::type).toList();
        StringBuilder sql = select(table, cols, types);
        if (selection.where() != null) {
            sql.append(" where ").append(selection.where());
        }
        // A whole table through COPY: the server keeps producing rows while this side converts
        // them, where a cursor's fetches made each wait for the other (the server's jsonb output
        // is most of a jsonb table's read). A tenant's rows (bound parameters) through a cursor.
        try {
            return new CanonicalRowStream(
                    CanonicalRows.ofPostgresQuery(
                            connection(),
                            sql.toString(),
                            selection.parameters(),
                            () -> fetchSize(table),
                            types.stream().map(PostgresSide::reader).toArray(ColumnReader[]::new),
                            types.stream().map(PostgresSide::copyReader).toArray(CopyReader[]::new)),
                    endpoint,
                    table);
        } catch (SQLException e) {
            throw Databases.failure(endpoint, table, "cannot read table", e);
        }
    }

    /** {@link #reader} for a COPY's row. */
    static CopyReader copyReader(StagingType type) {
        return type.kind() == dev.migrate.core.types.StagingKind.JSONB
                ? PostgresSide::jsonb
                : PostgresValues.INSTANCE.copyReader(type);
    }

    /** {@link #jsonb(ResultSet, int)} of a COPY's field. */
    static Object jsonb(PostgresCopyRows row, int column) {
        byte[] raw = row.bytes(column);
        if (raw == null) {
            return null;
        }
        Utf8Json json = Utf8Json.ifValid(raw);
        return json != null ? json : row.text(column);
    }

    /**
     * {@link #FETCH_SIZE}, or fewer rows when the table's rows are wide ({@link FetchSize#rows}):
     * a fetch's rows outlive young collections, and 5,000 wide rows were promoted.
     */
    int fetchSize(String table) {
        long[] estimate = new long[2];
        query(
                "select c.reltuples::bigint, pg_table_size(c.oid) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ?",
                table,
                rs -> {
                    estimate[0] = rs.getLong(1);
                    estimate[1] = rs.getLong(2);
                },
                endpoint.schema(),
                table);
        return FetchSize.rows(estimate[0], estimate[1], FETCH_SIZE);
    }

    /**
     * One query per batch of keys: {@code where (k1, k2) in (select * from unnest(?::text[]::t1[],
     * ...))}, so the key index is used and values stay bound parameters.
     */
    @Override
    public RowStream rowsByKeys(
            String table, List<String> cols, List<ColumnSchema> compared, int[] keyColumns, List<Object[]> keys) {
        List<StagingType> types = compared.stream().map(ColumnSchema::type).toList();
        Map<String, String> pgTypes = columns(table);
        StringBuilder sql = select(table, cols, types).append(" where (");
        StringBuilder unnest = new StringBuilder("select * from unnest(");
        for (int k = 0; k < keyColumns.length; k++) {
            String name = cols.get(keyColumns[k]);
            sql.append(k == 0 ? "" : ", ").append(quote(name));
            String pgType = pgTypes.get(name);
            unnest.append(k == 0 ? "" : ", ").append("?::text[]::").append(arrayType(pgType));
        }
        sql.append(") in (").append(unnest).append("))");
        try {
            PreparedStatement ps = connection().prepareStatement(sql.toString());
            ps.setFetchSize(FETCH_SIZE);
            for (int k = 0; k < keyColumns.length; k++) {
                String[] values = new String[keys.size()];
                for (int r = 0; r < values.length; r++) {
                    Object v = keys.get(r)[k];
                    values[r] = v == null ? null : v.toString();
                }
                Array array = connection().createArrayOf("text", values);
                ps.setArray(k + 1, array);
            }
            return resultSetRows(ps, ps.executeQuery(), compared, (c, i) -> reader(c.type()), endpoint, table);
        } catch (SQLException e) {
            throw Databases.failure(endpoint, table, "cannot look rows up by key", e);
        }
    }

    /**
     * The canonical reader, except for jsonb: its text is handed over as PostgreSQL prints it,
     * because {@link ComparableEncoder} parses jsonb anyway and compacting it first would cost a
     * second parse per value.
     */
    static ColumnReader reader(StagingType type) {
        return type.kind() == dev.migrate.core.types.StagingKind.JSONB
                ? PostgresSide::jsonb
                : PostgresValues.INSTANCE.reader(type);
    }

    /**
     * A jsonb column's text ({@code ::text}) as the UTF-8 bytes that came over the wire: pgjdbc's
     * {@code getBytes} of a text-format column that is not bytea returns them as received, and
     * pgjdbc always runs with {@code client_encoding} UTF8. Decoding them into a String only for
     * {@link ComparableEncoder} to encode it back was ~20 % of the PostgreSQL reading thread's
     * CPU on the tenant workload. Bytes that are not well-formed UTF-8 (a SQL_ASCII database) are
     * read by {@code getString}, as before.
     */
    static Object jsonb(ResultSet rs, int index) throws SQLException {
        byte[] raw = rs.getBytes(index);
        if (raw == null) {
            return null;
        }
        Utf8Json json = Utf8Json.ifValid(raw);
        return json != null ? json : rs.getString(index);
    }

    /** The array type of a column type from {@code format_type}: safe to splice, it comes from the catalog. */
    private static String arrayType(String formatType) {
        if (formatType == null || !formatType.matches("[A-Za-z0-9_ ().,\"]+")) {
            throw MigrateException.input("cannot look rows up by a key of type " + formatType);
        }
        return formatType + "[]";
    }

    private StringBuilder select(String table, List<String> cols, List<StagingType> types) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(PostgresValues.INSTANCE.selectExpression(cols.get(i), types.get(i)));
        }
        if (cols.isEmpty()) {
            sql.append("1");
        }
        return sql.append(" from ").append(qualified(table));
    }
}
