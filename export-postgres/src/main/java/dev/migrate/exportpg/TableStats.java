package dev.migrate.exportpg;

import java.util.List;

/**
 * What happened to one table.
 *
 * @param table the table name
 * @param rows rows written
 * @param bytes size of its staging file
 * @param seconds time spent reading and writing it
 * @param notes what the reader should know: tenant scope, fallback columns, partitions, dangling
 *     references
 */
public record TableStats(String table, long rows, long bytes, double seconds, List<String> notes) {
    public TableStats {
        notes = List.copyOf(notes);
    }
}
