package dev.migrate.exportsqlite;

/**
 * Progress callbacks for a console or a log; every method has a no-op default. Called on the
 * exporting thread.
 */
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = new ProgressListener() {};

    /** The read transaction has begun: everything exported from now on is this one snapshot. */
    default void snapshotStarted(int tables) {}

    /** A table's profile pass starts ({@code index} is 1-based). */
    default void tableStarted(String table, int index, int tableCount) {}

    /** Rows written so far for the table (called every few thousand rows). */
    default void rowsWritten(String table, long rows) {}

    /** A table is done. */
    default void tableFinished(TableStats stats) {}
}
