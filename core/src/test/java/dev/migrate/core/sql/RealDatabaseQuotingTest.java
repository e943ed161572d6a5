package dev.migrate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the quoting against the real servers: a table and columns with every awkward name are
 * created, filled through a bound parameter, and read back by name; the catalog must report the
 * names byte for byte.
 */
class RealDatabaseQuotingTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    static final String TABLE = "Weird \"Table\".name user";

    /** Names every dialect must carry unchanged; the last is exactly 63 bytes of UTF-8. */
    static final List<String> COLUMNS = List.of(
            "id",
            "user",
            "references",
            "order",
            "select",
            "MixedCase",
            "with space",
            "a.b",
            "say \"hi\"",
            "it's",
            "new\nline",
            "Größe_名前_🙂",
            "ä".repeat(31) + "a");

    @Test
    void postgresKeepsEveryNameExactly() throws SQLException {
        try (Connection c = db.connect()) {
            roundTrip(c, PostgresDialect.INSTANCE, "public");
            assertThat(catalogColumns(
                            c,
                            "select column_name from information_schema.columns"
                                    + " where table_name = ? order by ordinal_position"))
                    .containsExactlyElementsOf(COLUMNS);
        }
    }

    @Test
    void postgresWouldTruncateWhatTheDialectRefuses() throws SQLException {
        // Documents the server behaviour our check guards against: a 64-byte name is cut to 63.
        String longName = "a".repeat(64);
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("create table trunc_demo (\"" + longName + "\" int)");
            try (ResultSet rs = s.executeQuery(
                    "select column_name from information_schema.columns where table_name = 'trunc_demo'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(PostgresDialect.truncated(longName));
            }
        }
        assertThat(PostgresDialect.fits(longName)).isFalse();
    }

    @Test
    void postgresLiteralsSurviveBackslashesAndQuotes() throws SQLException {
        String value = "it's a \\ backslash, \"quote\" and \n newline";
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select " + PostgresDialect.INSTANCE.quoteLiteral(value))) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(value);
        }
    }

    @Test
    void sqliteKeepsEveryNameExactly(@TempDir Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("q.db"))) {
            roundTrip(c, SqliteDialect.INSTANCE, "main");
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select name from pragma_table_info(?) order by cid")) {
                ps.setString(1, TABLE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            assertThat(names).containsExactlyElementsOf(COLUMNS);
            String value = "it's a \\ backslash";
            try (ResultSet rs =
                    c.createStatement().executeQuery("select " + SqliteDialect.INSTANCE.quoteLiteral(value))) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(value);
            }
        }
    }

    private static void roundTrip(Connection c, Dialect d, String schema) throws SQLException {
        List<String> columnDefs = new ArrayList<>();
        for (String column : COLUMNS) {
            columnDefs.add(d.quote(column) + " text");
        }
        String table = d.quoteQualified(schema, TABLE);
        try (Statement s = c.createStatement()) {
            s.execute("create table " + table + " (" + String.join(", ", columnDefs) + ")");
        }
        String placeholders = String.join(", ", COLUMNS.stream().map(x -> "?").toList());
        String columnList = String.join(", ", COLUMNS.stream().map(d::quote).toList());
        try (PreparedStatement ps =
                c.prepareStatement("insert into " + table + " (" + columnList + ") values (" + placeholders + ")")) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                ps.setString(i + 1, "value of " + COLUMNS.get(i));
            }
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select " + columnList + " from " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            assertThat(rs.next()).isTrue();
            for (int i = 0; i < COLUMNS.size(); i++) {
                assertThat(meta.getColumnLabel(i + 1)).isEqualTo(COLUMNS.get(i));
                assertThat(rs.getString(i + 1)).isEqualTo("value of " + COLUMNS.get(i));
            }
        }
    }

    private static List<String> catalogColumns(Connection c, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
