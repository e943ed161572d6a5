package dev.migrate.core.canonical;

import dev.migrate.core.canonical.PostgresValues.CopyReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The rows of a query as canonical values, column by column, whichever way they arrive: a JDBC
 * result set read by {@link ColumnReader}s, or a PostgreSQL {@code COPY} read by {@link
 * CopyReader}s. export-postgres and validate loop over either through this one interface.
 */
public interface CanonicalRows extends AutoCloseable {

    /** Moves to the next row; false after the last. */
    boolean next() throws SQLException;

    /**
     * The canonical value of the current row's column {@code column} (0-based), or null.
     *
     * @throws IllegalArgumentException when the value has no canonical form for its type
     */
    Object read(int column) throws SQLException;

    /** How many columns each row has. */
    int width();

    /** Closes what the rows were read from. */
    @Override
    void close() throws SQLException;

    /** The rows of an open result set; closing them closes the result set and its statement. */
    static CanonicalRows of(Statement statement, ResultSet rs, ColumnReader[] readers) {
        return new CanonicalRows() {
            @Override
            public boolean next() throws SQLException {
                return rs.next();
            }

            @Override
            public Object read(int column) throws SQLException {
                return readers[column].read(rs, column + 1);
            }

            @Override
            public int width() {
                return readers.length;
            }

            @Override
            public void close() throws SQLException {
                try (statement) {
                    rs.close();
                }
            }
        };
    }

    /** The rows of a COPY; closing them ends it ({@link PostgresCopyRows#close}). */
    static CanonicalRows of(PostgresCopyRows rows, CopyReader[] readers) {
        return new CanonicalRows() {
            @Override
            public boolean next() throws SQLException {
                return rows.next();
            }

            @Override
            public Object read(int column) {
                return readers[column].read(rows, column + 1);
            }

            @Override
            public int width() {
                return readers.length;
            }

            @Override
            public void close() throws SQLException {
                rows.close();
            }
        };
    }
}
