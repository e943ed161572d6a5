package dev.migrate.core.canonical;

import dev.migrate.core.canonical.PostgresValues.CopyReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntSupplier;

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

    /**
     * The rows of a PostgreSQL query, read the fastest way it allows: through {@code COPY (query)
     * TO STDOUT} ({@link PostgresCopyRows}) when it has no parameters, which COPY cannot take;
     * otherwise through a server-side cursor (the connection's autocommit must be off) fetching
     * {@code fetchSize} rows at a time, each parameter bound as text. The same value either way:
     * {@code copyReaders[i]} reads from COPY's text what {@code cursorReaders[i]} reads from the
     * result set.
     *
     * @param fetchSize asked only for a cursor
     */
    static CanonicalRows ofPostgresQuery(
            Connection connection,
            String sql,
            List<String> parameters,
            IntSupplier fetchSize,
            ColumnReader[] cursorReaders,
            CopyReader[] copyReaders)
            throws SQLException {
        if (parameters.isEmpty()) {
            return of(PostgresCopyRows.open(connection, sql, copyReaders.length), copyReaders);
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.setFetchSize(fetchSize.getAsInt());
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            return of(statement, statement.executeQuery(), cursorReaders);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

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
