package dev.migrate.exportpg;

/**
 * Progress callbacks, called on the exporting thread (keep them quick). Every method has an
 * empty default, so a caller implements only what it shows.
 */
public interface ExportListener {

    /** Listens to nothing. */
    ExportListener NONE = new ExportListener() {};

    /** The snapshot is taken and the table list known; {@code tables} tables will be written. */
    default void started(int tables) {}

    /** A table's rows start streaming ({@code index} counts from 1). */
    default void tableStarted(String table, int index, int tables) {}

    /** Called every {@value PostgresExporter#PROGRESS_EVERY} rows while a table streams. */
    default void rowsWritten(String table, long rows) {}

    /** A table's file is complete. */
    default void tableFinished(TableStats stats) {}
}
