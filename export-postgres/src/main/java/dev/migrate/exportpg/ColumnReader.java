package dev.migrate.exportpg;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How one column is selected and turned into its canonical staging value. Built once per table
 * (see {@link ColumnReaders}); per row it only calls the matching {@code ResultSet} getter and,
 * for text forms, a small reshaping function.
 */
interface ColumnReader {

    /** The select-list expression for the (already quoted) column. */
    String expression(String quotedColumn);

    /**
     * The canonical value at {@code index} of the current row, or null.
     *
     * @throws IllegalArgumentException when PostgreSQL's output is not in the expected form
     */
    Object read(ResultSet rs, int index) throws SQLException;
}
