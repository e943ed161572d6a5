package dev.migrate.exportsqlite;

import java.util.List;

/**
 * What happened to one table.
 *
 * @param table the table name
 * @param rows rows written
 * @param bytes size of its staging file
 * @param seconds time spent on it (profile pass and export pass)
 * @param notes column notes and other findings worth showing next to the table
 */
public record TableStats(String table, long rows, long bytes, double seconds, List<String> notes) {
    public TableStats {
        notes = List.copyOf(notes);
    }
}
