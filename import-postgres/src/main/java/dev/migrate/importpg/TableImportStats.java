package dev.migrate.importpg;

import java.util.List;

/**
 * What happened to one table.
 *
 * @param table the table name
 * @param rows rows loaded (in tenant mode: staged rows applied to the target)
 * @param bytes the size of the staged table file
 * @param seconds wall time spent loading it
 * @param notes what was translated, dropped or reported for this table (defaults, NOT VALID
 *     foreign keys, skipped indexes, tenant merge figures), one line each
 */
public record TableImportStats(String table, long rows, long bytes, double seconds, List<String> notes) {
    public TableImportStats {
        notes = List.copyOf(notes);
    }
}
