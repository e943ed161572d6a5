package dev.migrate.importsqlite;

import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.schema.UniqueConstraint;
import java.util.List;
import java.util.Optional;

/**
 * One table of the SQLite file as it will be created and loaded: the staged table it comes from,
 * its columns under their target names, and its keys and constraints already reduced for tenant
 * mode. Names in keys, constraints and indexes are target column names.
 *
 * @param source the staged table
 * @param name the target table name
 * @param columns the target columns, in order
 * @param primaryKey the primary-key columns, empty when none
 * @param key how the primary key is declared
 * @param sequenceValue for {@link Key#AUTOINCREMENT}: the source generator's last value, which
 *     {@code sqlite_sequence} must be at least; else null
 * @param foreignKeys foreign keys, parents referenced by target names
 * @param uniques UNIQUE constraints
 * @param indexes secondary indexes, columns under target names
 * @param withoutRowid whether the table is declared {@code WITHOUT ROWID} (SQLite sources only)
 */
record TablePlan(
        TableSchema source,
        String name,
        List<ColumnPlan> columns,
        List<String> primaryKey,
        Key key,
        Long sequenceValue,
        List<ForeignKey> foreignKeys,
        List<UniqueConstraint> uniques,
        List<IndexSchema> indexes,
        boolean withoutRowid) {

    /** How the primary key is declared. */
    enum Key {
        /** No primary key. */
        NONE,
        /** {@code PRIMARY KEY} on the column(s), values as staged. */
        PLAIN,
        /** {@code INTEGER PRIMARY KEY}: the rowid, from a source rowid column. */
        ROWID,
        /** {@code INTEGER PRIMARY KEY AUTOINCREMENT}: from an identity, serial or AUTOINCREMENT key. */
        AUTOINCREMENT,
        /** {@code id INTEGER PRIMARY KEY CHECK (id = 1)}: a table that holds at most one row. */
        SINGLETON
    }

    TablePlan {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        uniques = List.copyOf(uniques);
        indexes = List.copyOf(indexes);
    }

    Optional<ColumnPlan> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** True when the column is the table's INTEGER PRIMARY KEY (the rowid alias). */
    boolean isRowidColumn(ColumnPlan c) {
        return (key == Key.ROWID || key == Key.AUTOINCREMENT || key == Key.SINGLETON)
                && primaryKey.size() == 1
                && primaryKey.get(0).equals(c.name());
    }
}
