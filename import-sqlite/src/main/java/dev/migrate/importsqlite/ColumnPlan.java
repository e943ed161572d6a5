package dev.migrate.importsqlite;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;

/**
 * One column of a target table and where its values come from.
 *
 * @param name the column's name in the SQLite file
 * @param sourceIndex the index of the staged column in a staged row, or -1 for the singleton key,
 *     whose value is always 1
 * @param source the staged column, or null for the singleton key
 */
record ColumnPlan(String name, int sourceIndex, ColumnSchema source) {

    /** Name of the key column of singleton tables ({@code app_config}, one-per-user tables). */
    static final String SINGLETON_KEY = "id";

    static ColumnPlan singletonKey() {
        return new ColumnPlan(SINGLETON_KEY, -1, null);
    }

    boolean isSingletonKey() {
        return sourceIndex < 0;
    }

    /** The staging type of the values (int64 for the singleton key). */
    StagingType type() {
        return source == null ? StagingType.of(StagingKind.INT64) : source.type();
    }
}
