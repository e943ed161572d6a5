package dev.migrate.exportsqlite;

import dev.migrate.core.report.TableStats;

/**
 * Progress callbacks for a console or a log; every method has a no-op default. Called on the
 * exporting thread.
 */
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = new ProgressListener() {};

    /**
     * The catalog has been read and {@code tables} tables will be exported. Everything exported is
     * the one snapshot taken when the read transaction began, just before the catalog was read.
     */
    default void snapshotStarted(int tables) {}

    /** A table's profile pass starts ({@code index} is 1-based). */
    default void tableStarted(String table, int index, int tableCount) {}

    /** Rows written so far for the table (called every few thousand rows). */
    default void rowsWritten(String table, long rows) {}

    /** A table is done. */
    default void tableFinished(TableStats stats) {}
}
