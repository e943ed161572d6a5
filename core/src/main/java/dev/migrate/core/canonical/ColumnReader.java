package dev.migrate.core.canonical;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as a canonical staging value. */
@FunctionalInterface
public interface ColumnReader {

    /**
     * The canonical value of the column at {@code index} (1-based) of the current row, or null.
     *
     * @throws IllegalArgumentException when the stored value has no canonical form for the type
     */
    Object read(ResultSet rs, int index) throws SQLException;
}
