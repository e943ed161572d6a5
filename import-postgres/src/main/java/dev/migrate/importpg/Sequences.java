package dev.migrate.importpg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Moves an identity or serial column's sequence past every id in the table and past the
 * source's last handed-out value (SQLite {@code sqlite_sequence}, PostgreSQL {@code
 * last_value}), so ids are never reused, not even those of rows deleted in the source. Never
 * moves a sequence backwards.
 */
final class Sequences {

    private Sequences() {}

    static void advance(Connection c, String schema, String table, String column, Long sourceLastValue)
            throws SQLException {
        String sequence =
                Sql.queryString(c, "SELECT pg_get_serial_sequence(?, ?)", PgNames.qualified(schema, table), column);
        if (sequence == null) {
            return;
        }
        Long max = null;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT max(" + PgNames.quote(column) + ")::bigint FROM " + PgNames.qualified(schema, table))) {
            if (rs.next()) {
                long v = rs.getLong(1);
                max = rs.wasNull() ? null : v;
            }
        }
        Long wanted = max(max, sourceLastValue);
        if (wanted == null || wanted < 1) {
            return;
        }
        long next;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + sequence)) {
            rs.next();
            next = rs.getBoolean(2) ? rs.getLong(1) + 1 : rs.getLong(1);
        }
        if (wanted < next) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
            ps.setString(1, sequence);
            ps.setLong(2, wanted);
            ps.executeQuery().close();
        }
    }

    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
