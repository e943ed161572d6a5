package dev.migrate.importpg;

/**
 * Progress of an import, for the CLI's progress display. Every method has an empty default, so
 * a caller implements only what it shows; {@link #NONE} ignores everything. Called on the
 * importing thread; keep implementations quick.
 */
public interface ImportListener {

    /** Ignores every event. */
    ImportListener NONE = new ImportListener() {};

    /** A step of the import began, e.g. "backing up 3 tables", "creating foreign keys". */
    default void step(String description) {}

    /** Loading of a table began; {@code rows} is the staged row count. */
    default void tableStarted(String table, long rows) {}

    /** {@code rows} rows of the table are loaded so far (called every few tens of thousands). */
    default void rowsLoaded(String table, long rows) {}

    /** Loading of a table finished. */
    default void tableFinished(TableImportStats stats) {}

    /**
     * Every staged row of a full import (not a tenant import) is loaded and its file verified;
     * keys, indexes and foreign keys (unless data only), sequences and statistics follow, the
     * server's work, before the commit.
     */
    default void allRowsLoaded() {}
}
