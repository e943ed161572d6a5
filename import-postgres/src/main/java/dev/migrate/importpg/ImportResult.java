package dev.migrate.importpg;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a committed import.
 *
 * @param database the target database name
 * @param schema the target schema
 * @param tables per-table figures, in load order
 * @param warnings things the user must know, one line each: orphan foreign-key rows (with the
 *     first keys), foreign keys created NOT VALID, defaults dropped, indexes not recreated,
 *     shared rows that differ in tenant mode
 * @param backupDirectory the backup made before the import, or null when none was needed or
 *     backups were off
 * @param userId tenant mode: the id of the user the rows were attached to (as text), else null
 * @param userCreated tenant mode: whether the user was created from {@code app_config}
 * @param seconds wall time of the whole import
 */
public record ImportResult(
        String database,
        String schema,
        List<TableImportStats> tables,
        List<String> warnings,
        Path backupDirectory,
        String userId,
        boolean userCreated,
        double seconds) {

    public ImportResult {
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
    }

    /** Total rows over all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableImportStats::rows).sum();
    }
}
