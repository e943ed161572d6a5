package dev.migrate.exportsqlite.catalog;

import java.util.List;

/**
 * One index as {@code PRAGMA index_list} and {@code index_xinfo} report it.
 *
 * @param name the index name ({@code sqlite_autoindex_...} for those SQLite made itself)
 * @param unique whether it is unique
 * @param origin {@code c} (CREATE INDEX), {@code u} (UNIQUE constraint) or {@code pk}
 * @param partial whether it has a WHERE clause
 * @param columns its key columns in order
 * @param sql its CREATE INDEX text, or null for automatic indexes
 */
public record SourceIndex(String name, boolean unique, String origin, boolean partial, List<Key> columns, String sql) {

    public SourceIndex {
        columns = List.copyOf(columns);
    }

    /**
     * One key of an index.
     *
     * @param column the column name, or null for an expression ({@code cid = -2}) or the rowid
     * @param descending whether the key is DESC
     * @param collation the collating sequence ({@code BINARY}, {@code NOCASE}, ...)
     */
    public record Key(String column, boolean descending, String collation) {}

    /** True when every key is a plain column in ascending BINARY order. */
    public boolean plainColumns() {
        return columns.stream()
                .allMatch(k -> k.column() != null
                        && !k.descending()
                        && (k.collation() == null || k.collation().equalsIgnoreCase("BINARY")));
    }
}
