package dev.migrate.cli.plan;

import java.util.List;

/**
 * What a run would do.
 *
 * @param tables the tables in load order (parents before children)
 * @param skipped objects that would not be migrated, one line each with the reason
 * @param notes anything else worth knowing (the tenant found, how scoping works), one line each
 */
public record Plan(List<TablePlan> tables, List<String> skipped, List<String> notes) {

    public Plan {
        tables = List.copyOf(tables);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /**
     * One table.
     *
     * @param rows rows expected (see {@code rowsExact})
     * @param rowsExact true for a count, false for the planner's estimate
     * @param scope how its rows are chosen in a tenant run, or null for a whole-database run
     */
    public record TablePlan(String name, long rows, boolean rowsExact, String scope, List<ColumnPlan> columns) {
        public TablePlan {
            columns = List.copyOf(columns);
        }
    }

    /**
     * One column's mapping: source type, staging type, target type.
     *
     * @param note why the mapping is what it is (fallback, generated column), or null
     */
    public record ColumnPlan(
            String name, String sourceType, String stagingType, String targetType, boolean notNull, String note) {}
}
