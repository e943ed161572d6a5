package dev.migrate.exportsqlite.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One table of the source database with everything the catalog says about it.
 *
 * @param name the table name exactly as created
 * @param sql its CREATE TABLE text
 * @param columns columns in declaration order (generated ones included)
 * @param foreignKeys its foreign keys
 * @param indexes its indexes, automatic ones included, in creation order
 * @param facts what only the CREATE TABLE text says
 * @param withoutRowid whether it is a WITHOUT ROWID table
 * @param strict whether it is a STRICT table
 * @param sequence its {@code sqlite_sequence} value, or null when it has none
 */
public record SourceTable(
        String name,
        String sql,
        List<SourceColumn> columns,
        List<SourceForeignKey> foreignKeys,
        List<SourceIndex> indexes,
        SchemaSql facts,
        boolean withoutRowid,
        boolean strict,
        Long sequence) {

    public SourceTable {
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
    }

    /** The primary-key columns in key order; empty when the table has none. */
    public List<SourceColumn> primaryKey() {
        return columns.stream()
                .filter(c -> c.primaryKeyPosition() > 0)
                .sorted(Comparator.comparingInt(SourceColumn::primaryKeyPosition))
                .toList();
    }

    /**
     * The column that is an alias of the rowid ({@code INTEGER PRIMARY KEY}), or null. SQLite's
     * rule: a rowid table whose primary key is one column declared exactly {@code INTEGER}; the
     * quirk {@code INTEGER PRIMARY KEY DESC} is not an alias, and SQLite then builds a separate
     * primary-key index, which is how it is recognised here.
     */
    public SourceColumn rowidAlias() {
        List<SourceColumn> pk = primaryKey();
        if (withoutRowid || pk.size() != 1 || !pk.get(0).declaredType().equalsIgnoreCase("INTEGER")) {
            return null;
        }
        boolean hasPkIndex = indexes.stream().anyMatch(i -> i.origin().equals("pk"));
        return hasPkIndex ? null : pk.get(0);
    }

    /**
     * The name that reaches the rowid of this table ({@code rowid}, {@code _rowid_} or
     * {@code oid}, whichever no column shadows), or null for WITHOUT ROWID tables and tables
     * whose columns shadow all three.
     */
    public String rowidName() {
        if (withoutRowid) {
            return null;
        }
        for (String candidate : List.of("rowid", "_rowid_", "oid")) {
            boolean shadowed = columns.stream()
                    .anyMatch(c -> c.name().toLowerCase(Locale.ROOT).equals(candidate));
            if (!shadowed) {
                return candidate;
            }
        }
        return null;
    }

    /** The column with this name (SQLite compares names ignoring ASCII case), or null. */
    public SourceColumn column(String columnName) {
        return columns.stream()
                .filter(c -> c.name().equalsIgnoreCase(columnName))
                .findFirst()
                .orElse(null);
    }
}
