package dev.migrate.core.staging;

/**
 * One table file as the manifest records it.
 *
 * @param table the table name (as in the schema snapshot)
 * @param file the file name inside the staging directory
 * @param rows the number of rows in the file
 * @param bytes the file's size
 * @param sha256 the file's SHA-256, lowercase hex
 */
public record TableEntry(String table, String file, long rows, long bytes, String sha256) {}
