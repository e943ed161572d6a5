package dev.migrate.importsqlite;

import dev.migrate.core.sql.CheckedSqliteFile;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a successful import; failures are thrown as {@link
 * dev.migrate.core.MigrateException}.
 *
 * @param target the SQLite file that now holds the data
 * @param backup the backup of the previous target, or null (no previous file, or backup off)
 * @param tables per-table statistics in load order
 * @param warnings things the user should know that concern no single table, or that deserve to be
 *     seen (objects not migrated, tolerated dangling references, schema-file mapping), one line each
 * @param seconds total wall time
 * @param integrityChecked the target as it was right after the swap, whose content passed {@code
 *     PRAGMA integrity_check} before it; null when the file system cannot identify the file
 */
public record ImportResult(
        Path target,
        Path backup,
        List<TableStats> tables,
        List<String> warnings,
        double seconds,
        CheckedSqliteFile integrityChecked) {
    public ImportResult {
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
    }

    /** Rows inserted over all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableStats::rows).sum();
    }
}
