package dev.migrate.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.types.StagingType;
import dev.migrate.testing.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PostgresCopyRows} against a real PostgreSQL: every value read through COPY equals the
 * value the cursor's readers ({@link PostgresValues#reader}) read, on text full of COPY's escapes
 * (tabs, line ends, backslashes, {@code \N} as text, control characters), NULLs, bytea with every
 * byte, arrays and JSON with escapes.
 */
class PostgresCopyRowsTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("id", "integer");
        COLUMNS.put("t", "text");
        COLUMNS.put("j", "json");
        COLUMNS.put("jb", "jsonb");
        COLUMNS.put("by", "bytea");
        COLUMNS.put("at", "text[]");
        COLUMNS.put("n", "numeric");
        COLUMNS.put("ts", "timestamp with time zone");
        COLUMNS.put("b", "boolean");
        COLUMNS.put("u", "uuid");
    }

    /** Texts COPY must escape or could confuse with its own markers. */
    static final List<String> NASTY = List.of(
            "a\tb",
            "line1\nline2\r\n",
            "back\\slash",
            "\\N",
            "\\\\N",
            "N",
            "",
            " ",
            "\\",
            "\t",
            "\n",
            "\u0001\b\u000b\f\u001f",
            "ü € 😀",
            "ends with backslash\\",
            "\\x41",
            "\\101",
            "{\"q\": \"\\\"\"}");

    @BeforeAll
    static void load() throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            StringBuilder ddl = new StringBuilder("create table nasty (");
            COLUMNS.forEach(
                    (n, t) -> ddl.append('"').append(n).append("\" ").append(t).append(','));
            ddl.setLength(ddl.length() - 1);
            s.execute(ddl + ")");
        }
        List<String> texts = new ArrayList<>(NASTY);
        Random random = new Random(7);
        String alphabet = "\\\t\n\r\"{},N \u0001x0aé😀";
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(12);
            for (int k = 0; k < n; k++) {
                b.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            texts.add(b.toString());
        }
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("insert into nasty values (?, ?, ?::json, ?::jsonb, ?, ?,"
                        + " ?::numeric, '2024-01-15 10:00:00.5+05:30', ?, gen_random_uuid())")) {
            int id = 0;
            for (String text : texts) {
                ps.setInt(1, ++id);
                ps.setString(2, text);
                String json = jsonString(text);
                ps.setString(3, "{\"k\":  " + json + ", \"list\": [" + json + ", 1.50]}");
                ps.setString(4, "{\"k\": " + json + "}");
                ps.setBytes(5, text.getBytes(StandardCharsets.UTF_8));
                ps.setArray(6, c.createArrayOf("text", new String[] {text, null, "NULL", text + "\\"}));
                ps.setString(7, id % 3 == 0 ? "NaN" : "-" + id + ".50");
                ps.setBoolean(8, id % 2 == 0);
                ps.addBatch();
            }
            ps.executeBatch();
            try (Statement s = c.createStatement()) {
                s.execute("insert into nasty (id) values (0)"); // every other column NULL
                byte[] all = new byte[256];
                for (int i = 0; i < 256; i++) {
                    all[i] = (byte) i;
                }
                try (PreparedStatement bytes = c.prepareStatement("insert into nasty (id, by) values (-1, ?)")) {
                    bytes.setBytes(1, all);
                    bytes.executeUpdate();
                }
            }
        }
    }

    private static String jsonString(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }

    @Test
    void readsWhatTheCursorReads() throws Exception {
        List<Object[]> byCursor = new ArrayList<>();
        List<Object[]> byCopy = new ArrayList<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            PostgresValues.prepareSession(c);
            List<StagingType> types =
                    COLUMNS.values().stream().map(PostgresCopyRowsTest::staging).toList();
            List<String> exprs = new ArrayList<>();
            int i = 0;
            for (String name : COLUMNS.keySet()) {
                exprs.add(PostgresValues.INSTANCE.selectExpression(name, types.get(i++)));
            }
            String select = "select " + String.join(", ", exprs) + " from nasty order by id";
            try (Statement s = c.createStatement()) {
                s.setFetchSize(50);
                try (ResultSet rs = s.executeQuery(select)) {
                    while (rs.next()) {
                        Object[] row = new Object[types.size()];
                        for (int k = 0; k < row.length; k++) {
                            row[k] =
                                    PostgresValues.INSTANCE.reader(types.get(k)).read(rs, k + 1);
                        }
                        byCursor.add(row);
                    }
                }
            }
            try (PostgresCopyRows rows = PostgresCopyRows.open(c, select, types.size())) {
                while (rows.next()) {
                    Object[] row = new Object[types.size()];
                    for (int k = 0; k < row.length; k++) {
                        row[k] =
                                PostgresValues.INSTANCE.copyReader(types.get(k)).read(rows, k + 1);
                    }
                    byCopy.add(row);
                }
            }
            c.commit();
        }
        assertThat(byCopy).hasSize(NASTY.size() + 302);
        for (int r = 0; r < byCursor.size(); r++) {
            for (int k = 0; k < COLUMNS.size(); k++) {
                Object cursor = byCursor.get(r)[k];
                Object copy = byCopy.get(r)[k];
                String where = "row " + r + " column " + new ArrayList<>(COLUMNS.keySet()).get(k);
                if (cursor instanceof byte[] bytes) {
                    assertThat((byte[]) copy).as(where).isEqualTo(bytes);
                } else {
                    assertThat(copy).as(where).isEqualTo(cursor);
                }
            }
        }
        // The values themselves, not only agreement: the texts come back exactly as inserted.
        List<Object> texts = byCopy.stream().skip(2).map(row -> row[1]).toList();
        assertThat(texts.subList(0, NASTY.size())).isEqualTo(new ArrayList<>(NASTY));
        assertThat(byCopy.get(1)).containsOnly(0L, null);
        byte[] all = (byte[]) byCopy.get(0)[4];
        assertThat(all).hasSize(256);
        assertThat(all[255]).isEqualTo((byte) 0xff);
        assertThat(byCopy.get(2)[5]).isEqualTo(Arrays.asList("a\tb", null, "NULL", "a\tb\\"));
    }

    /**
     * A caller failing halfway closes the rows unfinished: on a long COPY (cancelled while the
     * server still produces) and a short one (already sent whole), the connection answers its
     * next commands with their own results once its owner has rolled back.
     */
    @ParameterizedTest
    @ValueSource(strings = {"select i, 'x' from generate_series(1, 5000000) i", "select id, t from nasty order by id"})
    void anUnfinishedCopyIsCancelledAndTheConnectionStaysUsable(String select) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PostgresCopyRows rows = PostgresCopyRows.open(c, select, 2)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.text(1)).isIn("1", "-1");
            }
            c.rollback();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from nasty")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(NASTY.size() + 302);
            }
        }
    }

    /**
     * Bytes that are not UTF-8 (a SQL_ASCII database stores them unchecked) are never read as
     * replacement characters: PostgreSQL 15 sends them, and the value is refused as pgjdbc's
     * getString refuses it; 16 and later refuse to send them to a UTF8 client.
     */
    @Test
    void textThatIsNotUtf8IsRefused() throws Exception {
        String database = db.createSqlAsciiDatabase("copy_sql_ascii");
        try (Connection c = db.connect(database)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (id int, v text)");
                s.execute("insert into t values (1, E'caf\\xe9'), (2, 'ok')");
            }
            try (PostgresCopyRows rows = PostgresCopyRows.open(c, "select id, v from t order by id", 2)) {
                assertThat(rows.next()).isTrue();
                assertThatThrownBy(() -> rows.text(2))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("not UTF-8");
                assertThat(rows.next()).isTrue();
                assertThat(rows.text(2)).isEqualTo("ok");
            } catch (SQLException e) {
                assertThat(e.getMessage()).contains("invalid byte sequence for encoding \"UTF8\"");
            }
        }
    }

    @Test
    void undoesEveryEscapeCopyFromReads() {
        byte[] in = "a\\tb\\nc\\\\d\\101\\x41\\x4g\\q\\".getBytes(StandardCharsets.UTF_8);
        byte[] out = PostgresCopyRows.unescape(in, 0, in.length);
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("a\tb\nc\\dAA\u0004gq\\");
    }

    /** The run-copying unescape against a byte-by-byte reading of the same rules, on random fields. */
    @Test
    void unescapesAsAByteByByteReadingDoes() {
        Random random = new Random(11);
        byte[] alphabet = "\\\\\\btnrvfx01789aN\t é".getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < 20_000; n++) {
            byte[] field = new byte[random.nextInt(40)]; // past eight bytes: the scan's word steps
            for (int i = 0; i < field.length; i++) {
                field[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertThat(PostgresCopyRows.unescape(field, 0, field.length))
                    .as(new String(field, StandardCharsets.ISO_8859_1))
                    .isEqualTo(byteByByte(field));
        }
        byte[] edges = "x\\\\y\\".getBytes(StandardCharsets.UTF_8); // x \\ y \ (a lone backslash last)
        assertThat(PostgresCopyRows.unescape(edges, 0, edges.length))
                .isEqualTo("x\\y\\".getBytes(StandardCharsets.UTF_8));
    }

    /** The eight-bytes-a-step scan finds the first tab or backslash exactly, wherever it starts. */
    @Test
    void findsTheFirstTabOrBackslashAsAByteByByteScanDoes() {
        Random random = new Random(12);
        // The two bytes, their neighbours, their high-bit twins and bytes that borrow in the word trick.
        byte[] alphabet = {
            '\t', '\\', 0x08, 0x0a, 0x5b, 0x5d, (byte) 0x89, (byte) 0xdc, (byte) 0x80, (byte) 0xff, 0, 1, 'a'
        };
        for (int n = 0; n < 50_000; n++) {
            byte[] b = new byte[random.nextInt(40)];
            int common = random.nextInt(4); // mostly plain bytes, as in a real field
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(8) < common ? alphabet[random.nextInt(alphabet.length)] : (byte) 'a';
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            int expected = from;
            while (expected < to && b[expected] != '\t' && b[expected] != '\\') {
                expected++;
            }
            assertThat(Math.min(PostgresCopyRows.nextTabOrBackslash(b, from, to), to))
                    .as("%s from %d to %d", HexFormat.of().formatHex(b), from, to)
                    .isEqualTo(expected);
        }
    }

    /** COPY FROM's reading of a field's escapes, one byte at a time (the reference). */
    private static byte[] byteByByte(byte[] b) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            byte c = b[i++];
            if (c != '\\' || i == b.length) {
                out.write(c);
                continue;
            }
            c = b[i++];
            switch (c) {
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(0x0b);
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (digits < 2 && i < b.length && Character.digit(b[i], 16) >= 0) {
                        v = v * 16 + Character.digit(b[i++], 16);
                        digits++;
                    }
                    out.write(digits == 0 ? 'x' : v);
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = c - '0';
                    for (int digits = 1; digits < 3 && i < b.length && b[i] >= '0' && b[i] <= '7'; digits++) {
                        v = v * 8 + (b[i++] - '0');
                    }
                    out.write(v);
                }
                default -> out.write(c);
            }
        }
        return out.toByteArray();
    }

    static StagingType staging(String pgType) {
        return TypeMappings.fromPostgres(pgType, null, pgType.endsWith("[]") ? 1 : 0);
    }
}
