package dev.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL side reads jsonb as the bytes pgjdbc received ({@link PostgresSide#jsonb}):
 * exactly the UTF-8 of what {@code getString} returns, on a real server, for non-ASCII text of
 * every width and escape-heavy documents; and what {@code getString} returns where the bytes are
 * not UTF-8 (a SQL_ASCII database, which stores bytes unchecked).
 */
class PostgresJsonbBytesTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final List<String> DOCUMENTS = List.of(
            "{\"b\": \"ünïcödé ☉☽ 😀 \uFFFD\", \"a\": [1, 2.50, 1e2, -0, {\"é\": null}]}",
            "{\"a\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f \\u00e9\\ud83d\\ude00\", \"\\u00e9\": \"x\"}",
            "[\"\\u00e9\", \"é\", \"\\uFFFD\", \"😀\", \"\\ud83d\\ude00\"]",
            "\"just a string: ☉\"",
            "12.50",
            "{\"doc\": \"" + "Ärger über Öl, 漢字 and 😀 ".repeat(80) + "\"}");

    @Test
    void jsonbBytesAreTheUtf8OfItsText() throws Exception {
        String database = db.createDatabase("jsonbbytes");
        try (Connection c = db.connect(database)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table docs (id int primary key, doc jsonb)");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into docs values (?, ?::jsonb)")) {
                for (int i = 0; i < DOCUMENTS.size(); i++) {
                    ps.setInt(1, i);
                    ps.setString(2, DOCUMENTS.get(i));
                    ps.executeUpdate();
                }
                ps.setInt(1, DOCUMENTS.size());
                ps.setString(2, null);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("show client_encoding")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("UTF8");
            }
            List<String> texts = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select doc::text from docs order by id")) {
                while (rs.next()) {
                    Object read = PostgresSide.jsonb(rs, 1);
                    String text = rs.getString(1);
                    if (text == null) {
                        assertThat(read).isNull();
                        continue;
                    }
                    texts.add(text);
                    assertThat(read).isInstanceOf(Utf8Json.class);
                    assertThat(((Utf8Json) read).bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
                    assertThat(read.toString()).isEqualTo(text);
                }
            }
            assertThat(texts).hasSize(DOCUMENTS.size());
            // PostgreSQL's own printing: escapes decoded, controls as lower-case hex escapes, keys in jsonb order.
            assertThat(texts.get(1)).contains("\\u0001\\u001f\u007f é😀").contains("\"é\": \"x\"");
            assertThat(texts.get(0))
                    .startsWith("{\"a\": [1, 2.50, 100, 0, {\"é\": null}], \"b\": \"ünïcödé ☉☽ 😀 \uFFFD\"}");
        }
    }

    /** In a SQL_ASCII database jsonb can hold bytes that are not UTF-8: read exactly as getString reads them. */
    @Test
    void bytesThatAreNotUtf8AreReadByGetString() throws Exception {
        String database = db.createSqlAsciiDatabase("jsonb_sql_ascii");
        try (Connection c = db.connect(database)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table docs (id int primary key, doc jsonb)");
                // 0xE9 alone (Latin-1 é) and an encoded surrogate, stored unchecked (built from text: PostgreSQL
                // 17's jsonb input checks the bytes of its input).
                s.execute("insert into docs values (1, jsonb_build_object('a', E'caf\\xe9'::text)),"
                        + " (2, jsonb_build_array(E'\\xed\\xa0\\x80'::text)), (3, '{\"a\": \"é\"}')");
            }
            for (int id = 1; id <= 3; id++) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select doc::text from docs where id = " + id)) {
                    assertThat(rs.next()).isTrue();
                    byte[] raw = rs.getBytes(1);
                    assertThat(Utf8Json.isValid(raw, 0, raw.length)).isEqualTo(id == 3);
                    assertThat(outcome(() -> PostgresSide.jsonb(rs, 1)))
                            .isEqualTo(id == 3 ? Utf8Json.ifValid(raw) : outcome(() -> rs.getString(1)));
                } catch (SQLException e) {
                    // PostgreSQL 16+ checks what a SQL_ASCII database sends a UTF8 client: such bytes never
                    // reach pgjdbc there (15 sends them).
                    assertThat(id).isNotEqualTo(3);
                    assertThat(e.getMessage()).contains("invalid byte sequence for encoding \"UTF8\"");
                }
            }
        }
    }

    private interface Read {
        Object get() throws SQLException;
    }

    /** The value read, or the exception's class and message: what a row would hold or fail with. */
    private static Object outcome(Read read) {
        try {
            return read.get();
        } catch (SQLException | RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
