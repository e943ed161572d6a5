package dev.migrate.importpg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small JDBC helpers: one statement, one optional statement under a savepoint, one value. */
final class Sql {

    private static final Logger LOG = LoggerFactory.getLogger(Sql.class);

    private Sql() {}

    static void execute(Connection c, String sql) throws SQLException {
        LOG.debug("{}", sql);
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Runs a statement that may fail without spoiling the transaction: under a savepoint, rolled
     * back to it on failure.
     *
     * @return null on success, else the failure (a lost connection is rethrown)
     */
    static SQLException attempt(Connection c, String sql) throws SQLException {
        Savepoint sp = c.setSavepoint();
        try {
            execute(c, sql);
            c.releaseSavepoint(sp);
            return null;
        } catch (SQLException e) {
            if (SqlErrors.isConnectionLoss(e)) {
                throw e;
            }
            c.rollback(sp);
            LOG.debug("statement failed under savepoint: {}", SqlErrors.serverText(e));
            return e;
        }
    }

    /** The first column of the first row as text, or null. */
    static String queryString(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
