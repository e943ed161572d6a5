package dev.migrate.exportpg;

import dev.migrate.core.staging.Manifest;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of an export: the committed manifest, one {@link TableStats} per table in manifest
 * order, and every warning the user must see.
 *
 * @param exportDir the staging directory written
 * @param manifest the manifest as committed
 * @param tables per-table statistics
 * @param warnings one line each: every object not migrated (views, triggers, functions...),
 *     every fallback ({@code source_text}) column, non-portable indexes, broken dependency cycles,
 *     dangling tenant references
 * @param seconds the whole run
 */
public record ExportResult(
        Path exportDir, Manifest manifest, List<TableStats> tables, List<String> warnings, double seconds) {
    public ExportResult {
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
    }

    /** Rows over all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableStats::rows).sum();
    }
}
