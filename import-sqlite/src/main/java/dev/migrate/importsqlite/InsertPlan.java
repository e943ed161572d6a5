package dev.migrate.importsqlite;

import java.util.List;

/**
 * What {@link TableLoader} inserts for one staged table: into which table and columns, each fed by
 * a staged column (or the constant 1 of a singleton key).
 *
 * @param plan the table plan (source table, key kind)
 * @param table the table name as the SQLite file spells it
 * @param columns the columns to insert, under the names the SQLite file spells
 */
record InsertPlan(TablePlan plan, String table, List<ColumnPlan> columns) {
    InsertPlan {
        columns = List.copyOf(columns);
    }

    /** Every planned column, for a schema this import created itself. */
    static InsertPlan of(TablePlan plan) {
        return new InsertPlan(plan, plan.name(), plan.columns());
    }
}
