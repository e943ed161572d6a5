package dev.migrate.core.sql;

/**
 * How many rows a PostgreSQL cursor fetches per round trip, for export-postgres and validate
 * alike: the configured number, lowered for wide rows so that one fetch stays near {@link
 * #TARGET_BYTES}.
 *
 * <p>Why bytes and not rows: a fetch's rows stay alive until the next fetch, so a big fetch
 * outlives young collections and is promoted into the old generation, which then fills with
 * garbage. At 16 MiB every fetch of the tenant workload's charts was promoted (9 full
 * collections per export); at 4 MiB still 7 (0.45 s of pauses); at 1 MiB a fetch fits the
 * survivor space: no full collection, 0.14 s of pauses, ~0.5 s less CPU and ~10 MB less peak
 * RSS, and pgbench's narrow rows export as fast. In validate, 5,000 charts rows per fetch
 * (~10 MB) cost a full collection every second. Round trips on a local connection cost nothing
 * measurable at these sizes.
 */
public final class FetchSize {

    /** Rows per fetch aim at about this many bytes in flight. */
    public static final long TARGET_BYTES = 1L << 20;

    private FetchSize() {}

    /**
     * {@code maxRows}, or fewer when the table's rows are wide: its size (heap and TOAST) over
     * its row estimate, at least 10 rows; a table never analysed ({@code estimatedRows < 1}) that
     * is big gets a cautious 1,000.
     *
     * @param estimatedRows the planner's row estimate ({@code pg_class.reltuples})
     * @param estimatedBytes the table's size ({@code pg_table_size})
     */
    public static int rows(double estimatedRows, long estimatedBytes, int maxRows) {
        if (estimatedRows >= 1 && estimatedBytes > 0) {
            long perRow = Math.max(1, (long) (estimatedBytes / estimatedRows));
            long byMemory = Math.max(10, TARGET_BYTES / perRow);
            return (int) Math.min(maxRows, byMemory);
        }
        return estimatedBytes > 4 * TARGET_BYTES ? Math.min(maxRows, 1000) : maxRows;
    }
}
