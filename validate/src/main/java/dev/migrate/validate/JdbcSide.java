package dev.migrate.validate;

import dev.migrate.core.canonical.CanonicalRows;
import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.schema.ColumnSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * What the two database sides share: one read-only connection (one snapshot), catalog queries with
 * bound parameters, rows streamed through canonical readers, and a close that undoes nothing
 * because nothing was written.
 */
abstract class JdbcSide implements Side {

    private final Endpoint endpoint;
    private final Connection connection;
    private final String queryFailure;
    private Set<String> tables;

    /** @param queryFailure the words for a failed query in messages, e.g. "catalog query failed" */
    JdbcSide(Endpoint endpoint, Connection connection, String queryFailure) {
        this.endpoint = endpoint;
        this.connection = connection;
        this.queryFailure = queryFailure;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public Set<String> tables() {
        if (tables == null) {
            tables = readTables();
        }
        return tables;
    }

    /** The side's table names, read once. */
    abstract Set<String> readTables();

    /** Runs a query with string parameters, handing each result row to the handler. */
    void query(String sql, String table, RowHandler handler, String... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw Databases.failure(endpoint, table, queryFailure, e);
        }
    }

    /** Handles one result row. */
    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    @Override
    public void close() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // read-only: nothing to undo
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a read-only connection cannot lose data
        }
    }

    /** Reader factory per compared column. */
    @FunctionalInterface
    interface Readers {
        /** The reader of the compared column {@code column}, at {@code position} among them. */
        ColumnReader reader(ColumnSchema column, int position);
    }

    /**
     * Rows of a JDBC result set through canonical readers ({@link CanonicalRows#of(java.sql.Statement,
     * ResultSet, ColumnReader[])}), one reader per compared column.
     */
    static CanonicalRowStream resultSetRows(
            PreparedStatement statement,
            ResultSet rs,
            List<ColumnSchema> compared,
            Readers factory,
            Endpoint endpoint,
            String table) {
        ColumnReader[] readers = new ColumnReader[compared.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = factory.reader(compared.get(i), i);
        }
        return new CanonicalRowStream(CanonicalRows.of(statement, rs, readers), endpoint, table);
    }

    /** Rows read as canonical values, whichever way they arrive; bad values become {@link Unreadable}. */
    static final class CanonicalRowStream implements RowStream {
        private final CanonicalRows rows;
        private final Endpoint endpoint;
        private final String table;

        CanonicalRowStream(CanonicalRows rows, Endpoint endpoint, String table) {
            this.rows = rows;
            this.endpoint = endpoint;
            this.table = table;
        }

        @Override
        public Object[] next() {
            try {
                if (!rows.next()) {
                    return null;
                }
                Object[] row = new Object[rows.width()];
                for (int i = 0; i < row.length; i++) {
                    try {
                        row[i] = rows.read(i);
                    } catch (IllegalArgumentException e) {
                        row[i] = new Unreadable(e.getMessage());
                    }
                }
                return row;
            } catch (SQLException e) {
                throw Databases.failure(endpoint, table, "cannot read table", e);
            }
        }

        @Override
        public void close() {
            try {
                rows.close();
            } catch (SQLException ignored) {
                // read-only; a COPY left unfinished only when the comparison is failing anyway
            }
        }
    }
}
