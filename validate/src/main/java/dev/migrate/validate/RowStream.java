package dev.migrate.validate;

/**
 * Rows of one table on one side, as canonical values of the compared columns, in the plan's
 * column order; a value that cannot be read is an {@link Unreadable}. One row in memory at a time.
 */
interface RowStream extends AutoCloseable {

    /** The next row, or null after the last. */
    Object[] next();

    @Override
    void close();
}
