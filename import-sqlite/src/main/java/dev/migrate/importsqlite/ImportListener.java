package dev.migrate.importsqlite;

/**
 * Progress callbacks for a console or a log; every method has a no-op default. Called on the
 * importing thread, so implementations must be quick.
 */
public interface ImportListener {

    /** Ignores everything. */
    ImportListener NONE = new ImportListener() {};

    /** A step started: "verifying staging", "creating schema", "checking foreign keys", ... */
    default void phase(String description) {}

    /** A table's load is starting; {@code expectedRows} comes from the manifest. */
    default void tableStarted(String table, long expectedRows) {}

    /** Called after each flushed batch with the running row count of the table. */
    default void rowsLoaded(String table, long rowsSoFar) {}

    /** A table is loaded. */
    default void tableFinished(TableStats stats) {}
}
