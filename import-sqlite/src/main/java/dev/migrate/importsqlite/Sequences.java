package dev.migrate.importsqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Carries each source generator's position into {@code sqlite_sequence}, so an AUTOINCREMENT key
 * never hands out an id the source already used, even one whose row was deleted. After the load
 * SQLite's own counter is the largest id inserted; it is raised to the source's last value when
 * that is higher (PostgreSQL {@code last_value}, SQLite {@code sqlite_sequence.seq}).
 */
final class Sequences {

    private static final Pattern AUTOINCREMENT = Pattern.compile("(?i)\\bAUTOINCREMENT\\b");

    private Sequences() {}

    static void apply(Connection c, List<InsertPlan> inserts, Notes notes) throws SQLException {
        for (InsertPlan ip : inserts) {
            Long last = ip.plan().sequenceValue();
            if (last == null) {
                continue;
            }
            if (!isAutoincrement(c, ip.table())) {
                notes.table(
                        ip.plan().name(),
                        "source generator position " + last + " not kept: the table has no AUTOINCREMENT key, so"
                                + " SQLite may reuse ids of deleted rows");
                continue;
            }
            Long current = current(c, ip.table());
            if (current == null) {
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
                    ps.setString(1, ip.table());
                    ps.setLong(2, last);
                    ps.executeUpdate();
                }
            } else if (current < last) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sqlite_sequence SET seq = ? WHERE name = ?")) {
                    ps.setLong(1, last);
                    ps.setString(2, ip.table());
                    ps.executeUpdate();
                }
            } else if (current > last) {
                notes.table(
                        ip.plan().name(),
                        "the source generator's last value " + last + " is below the largest id " + current
                                + "; sqlite_sequence keeps " + current);
            }
        }
    }

    private static boolean isAutoincrement(Connection c, String table) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        && rs.getString(1) != null
                        && AUTOINCREMENT.matcher(rs.getString(1)).find();
            }
        }
    }

    private static Long current(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
