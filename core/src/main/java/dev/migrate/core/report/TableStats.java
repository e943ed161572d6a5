package dev.migrate.core.report;

import java.util.List;
import java.util.Objects;

/**
 * What happened to one table in one step.
 *
 * @param table the table's name
 * @param rows rows read or written
 * @param bytes bytes of its staging file (export) or read from it (import); 0 when not applicable
 * @param seconds wall-clock time spent on it
 * @param notes what was skipped, converted or worth knowing, one line each (redacted)
 */
public record TableStats(String table, long rows, long bytes, double seconds, List<String> notes) {

    public TableStats {
        Objects.requireNonNull(table, "table");
        notes = RunStats.redactAll(notes);
    }

    /** A table with no notes. */
    public static TableStats of(String table, long rows, long bytes, double seconds) {
        return new TableStats(table, rows, bytes, seconds, List.of());
    }

    /** Rows per second, 0 when no time was measured. */
    public double rowsPerSecond() {
        return seconds > 0 ? rows / seconds : 0;
    }
}
