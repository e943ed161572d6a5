package dev.migrate.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small helpers to read and change SQLite files in tests. */
final class SqliteFiles {

    private SqliteFiles() {}

    static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Every row of a query, each as a list of its column values' text. */
    static List<List<String>> rows(Path file, String sql) throws SQLException {
        try (Connection c = connect(file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return Rows.all(rs);
        }
    }

    static long count(Path file, String table) throws SQLException {
        return Long.parseLong(
                rows(file, "select count(*) from \"" + table + "\"").get(0).get(0));
    }

    static void execute(Path file, String sql) throws SQLException {
        try (Connection c = connect(file);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Reads result sets as text. */
    static final class Rows {
        private Rows() {}

        static List<List<String>> all(ResultSet rs) throws SQLException {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        }
    }
}
