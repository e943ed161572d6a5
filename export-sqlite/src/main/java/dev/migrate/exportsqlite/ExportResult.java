package dev.migrate.exportsqlite;

import dev.migrate.core.report.TableStats;
import dev.migrate.core.staging.Manifest;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a successful export.
 *
 * @param manifest the manifest written to the staging directory (schema snapshot included:
 *     column notes, skipped objects)
 * @param exportDir the staging directory
 * @param tables per-table statistics, in the manifest's table order
 * @param warnings one line each: columns whose values did not fit their declared type, values
 *     normalised, objects recorded but not migrated, anything else the user should read
 */
public record ExportResult(Manifest manifest, Path exportDir, List<TableStats> tables, List<String> warnings) {

    public ExportResult {
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
    }

    /** Rows written over all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableStats::rows).sum();
    }

    /** The statistics of one table, by exact name. */
    public TableStats table(String name) {
        return tables.stream()
                .filter(t -> t.table().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name + " in the result"));
    }
}
