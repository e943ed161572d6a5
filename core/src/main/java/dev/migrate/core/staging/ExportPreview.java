package dev.migrate.core.staging;

import dev.migrate.core.schema.SchemaSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an export would write, found without writing anything: the exporters' {@code plan()}
 * reads the source exactly as {@code run()} does (same snapshot rules, same catalog, same
 * profiling, same tenant filters) and stops before the staging directory. The dry run prints it.
 *
 * @param source where the export would come from
 * @param schema the manifest's schema: tables in load order with their staging types and notes,
 *     enums, objects not migrated
 * @param tenant the manifest's tenant record (the user found, each table's scope), or null for a
 *     whole-database export
 * @param rows per exported table, in schema order, how many rows the export would write
 * @param warnings the warnings the export would print
 */
public record ExportPreview(
        SourceInfo source, SchemaSnapshot schema, TenantFilter tenant, List<TableRows> rows, List<String> warnings) {

    public ExportPreview {
        Objects.requireNonNull(schema, "schema");
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /**
     * The rows of one table.
     *
     * @param exact true for a count in the export's snapshot (with the tenant filter), false for
     *     the database's estimate (PostgreSQL's planner statistics of a table read whole)
     */
    public record TableRows(String table, long rows, boolean exact) {}

    /** The rows of a table, if it is exported. */
    public Optional<TableRows> rows(String table) {
        return rows.stream().filter(r -> r.table().equals(table)).findFirst();
    }
}
