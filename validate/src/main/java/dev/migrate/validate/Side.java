package dev.migrate.validate;

import dev.migrate.core.schema.ColumnSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An opened endpoint: its tables and columns, and its rows in canonical form. */
interface Side extends AutoCloseable {

    /** The endpoint this side reads. */
    Endpoint endpoint();

    /** Short kind name: {@code postgresql}, {@code sqlite} or {@code staging}. */
    String kind();

    /** Table names present on this side. */
    Set<String> tables();

    /**
     * The columns of a table, in order, each with this side's own type text (PostgreSQL {@code
     * format_type}, SQLite declared type, or the staging type), or an empty map when absent.
     */
    Map<String, String> columns(String table);

    /** The primary-key columns of a table on this side, in order (empty when none). */
    List<String> primaryKey(String table);

    /**
     * Streams the chosen columns of a table: {@code columns} are their names on this side, {@code
     * compared} the same columns as the manifest describes them (staging type, conversion).
     */
    RowStream rows(String table, List<String> columns, List<ColumnSchema> compared, Selection selection);

    /**
     * The rows whose key columns equal one of the given keys (canonical values, in the order of
     * {@code keyColumns}). Only sides that can look rows up by key support it.
     */
    default RowStream rowsByKeys(
            String table, List<String> columns, List<ColumnSchema> compared, int[] keyColumns, List<Object[]> keys) {
        throw new UnsupportedOperationException(kind() + " cannot look rows up by key");
    }

    @Override
    void close();
}
