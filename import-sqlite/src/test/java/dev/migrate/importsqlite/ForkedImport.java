package dev.migrate.importsqlite;

import java.nio.file.Path;

/**
 * Runs one import in its own JVM, for tests that kill it ({@code kill -9}, SIGTERM) or limit its
 * heap. Prints {@code batch <table> <rows>} after every flushed batch and {@code done <rows>} at
 * the end.
 *
 * <p>Arguments: staging directory, target file, milliseconds to pause after each batch.
 */
public final class ForkedImport {

    private ForkedImport() {}

    public static void main(String[] args) {
        Path staging = Path.of(args[0]);
        Path target = Path.of(args[1]);
        long pause = Long.parseLong(args[2]);
        SqliteImporter importer = new SqliteImporter(
                ImportSqliteOptions.of(staging, target),
                (connection, table, rows) -> {
                    System.out.println("batch " + table + " " + rows);
                    System.out.flush();
                    if (pause > 0) {
                        try {
                            Thread.sleep(pause);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                SqliteImporter.DEFAULT_LOCK_TIMEOUT_MILLIS);
        ImportResult result = importer.run();
        Runtime rt = Runtime.getRuntime();
        System.out.println("done " + result.totalRows() + " maxHeap " + rt.maxMemory());
    }
}
