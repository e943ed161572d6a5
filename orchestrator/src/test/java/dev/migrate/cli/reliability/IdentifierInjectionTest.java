package dev.migrate.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identifiers cannot inject SQL. A table {@code x"; DROP TABLE users; --} (with a column, an index
 * and a foreign key named the same way, and values that look like SQL) travels SQLite ->
 * PostgreSQL -> SQLite through {@code migrate}; it arrives as a table of exactly that name with
 * its rows, validation passes, and {@code users} survives on every side.
 */
class IdentifierInjectionTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    static final String HOSTILE = "x\"; DROP TABLE users; --";
    static final String HOSTILE_COLUMN = "v\"); DROP TABLE users; --";
    static final String HOSTILE_VALUE = "'); DROP TABLE users; --";

    @TempDir
    Path work;

    @Test
    void aTableNamedLikeAnInjectionMigratesAsThatNameInBothDirections() throws Exception {
        Path source = work.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement s = c.createStatement()) {
            s.execute("create table users (id integer primary key, email text not null)");
            s.execute("insert into users values (1, 'alice@example.com'), (2, 'bob@example.com')");
            s.execute("create table " + q(HOSTILE) + " (id integer primary key, " + q(HOSTILE_COLUMN)
                    + " text, user_id integer references users(id))");
            s.execute("create index " + q("i\"; DROP TABLE users; --") + " on " + q(HOSTILE) + " (" + q(HOSTILE_COLUMN)
                    + ")");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                PreparedStatement p = c.prepareStatement("insert into " + q(HOSTILE) + " values (?, ?, ?)")) {
            p.setInt(1, 1);
            p.setString(2, HOSTILE_VALUE);
            p.setInt(3, 1);
            p.executeUpdate();
            p.setInt(1, 2);
            p.setString(2, "\\'; DROP TABLE users; -- $$ E'\\x00'");
            p.setInt(3, 2);
            p.executeUpdate();
        }
        String target = db.createDatabase("rel_inject");

        Run toPostgres = Run.in(
                Map.of(),
                work,
                "--from",
                source.toString(),
                "--to",
                Urls.of(db, target),
                "--export-dir",
                work.resolve("export1").toString());

        assertThat(toPostgres.code()).as(toPostgres.describe()).isZero();
        assertThat(toPostgres.out()).contains("validation: PASS");
        try (Connection c = db.connect(target)) {
            assertThat(tables(c, "select table_name from information_schema.tables where table_schema = 'public'"))
                    .containsExactlyInAnyOrder("users", HOSTILE);
            assertThat(tables(
                            c,
                            "select column_name from information_schema.columns where table_name = '"
                                    + HOSTILE.replace("'", "''") + "' order by ordinal_position"))
                    .containsExactly("id", HOSTILE_COLUMN, "user_id");
            assertThat(tables(c, "select " + q(HOSTILE_COLUMN) + " from " + q(HOSTILE) + " order by id"))
                    .containsExactly(HOSTILE_VALUE, "\\'; DROP TABLE users; -- $$ E'\\x00'");
            assertThat(tables(c, "select email from users order by id"))
                    .containsExactly("alice@example.com", "bob@example.com");
            assertThat(tables(c, "select count(*)::text from pg_constraint where contype = 'f'"))
                    .containsExactly("1");
        }
        assertThat(sqliteRows(source, "select email from users order by id"))
                .containsExactly("alice@example.com", "bob@example.com");

        Path back = work.resolve("back.db");
        Run toSqlite = Run.in(
                Map.of(),
                work,
                "--from",
                Urls.of(db, target),
                "--to",
                back.toString(),
                "--export-dir",
                work.resolve("export2").toString());

        assertThat(toSqlite.code()).as(toSqlite.describe()).isZero();
        assertThat(toSqlite.out()).contains("validation: PASS");
        assertThat(
                        sqliteRows(
                                back,
                                "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"))
                .containsExactlyInAnyOrder(HOSTILE, "users");
        assertThat(sqliteRows(back, "select " + q(HOSTILE_COLUMN) + " from " + q(HOSTILE) + " order by id"))
                .containsExactly(HOSTILE_VALUE, "\\'; DROP TABLE users; -- $$ E'\\x00'");
        assertThat(sqliteRows(back, "select email from users order by id"))
                .containsExactly("alice@example.com", "bob@example.com");
        try (Connection c = db.connect(target)) {
            assertThat(tables(c, "select email from users order by id")).hasSize(2);
        }
    }

    private static String q(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static List<String> tables(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> sqliteRows(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return tables(c, sql);
        }
    }
}
