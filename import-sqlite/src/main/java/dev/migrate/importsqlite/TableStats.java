package dev.migrate.importsqlite;

import java.util.List;

/**
 * What happened to one table.
 *
 * @param table the table's name in the SQLite file ({@code app_config} for the users table in
 *     tenant mode)
 * @param sourceTable the staged table it was loaded from
 * @param rows rows inserted
 * @param bytes size of the staged table file that was read
 * @param seconds wall time spent loading the table
 * @param notes what was changed, dropped or skipped for this table (columns, constraints,
 *     defaults, indexes), one line each; empty when nothing
 */
public record TableStats(String table, String sourceTable, long rows, long bytes, double seconds, List<String> notes) {
    public TableStats {
        notes = List.copyOf(notes);
    }
}
