package dev.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.SqliteDriverCells;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoredForm} (Java, on the cells the comparison reads) against {@link
 * SqliteChecks#badFormat} (SQL, SQLite's own {@code json_valid}, {@code GLOB} and {@code date()}):
 * the same verdict for every value of a catalogue per kind, stored in every storage class on a
 * real SQLite file and read through {@link SqliteCellReads}, the validator's reader.
 */
class StoredFormTest {

    @TempDir
    Path dir;

    private Connection db;

    @BeforeEach
    void open() throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("forms.sqlite"));
    }

    @Test
    void uuidsAgree() throws SQLException {
        List<Object> values = new ArrayList<>(List.of(
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\u0000x",
                "a0eebc99\u0000",
                "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1G",
                "a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
                " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11 ",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111",
                "a0eebc99_9c0b-4ef8-bb6d-6bb9bd380a11",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1\u0661",
                "",
                7L,
                1.5,
                HexFormat.of().parseHex("a0eebc999c0b4ef8bb6d6bb9bd380a11")));
        values.add(invalidUtf8("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a", "ff"));
        agree(StagingKind.UUID, values);
    }

    @Test
    void booleansAgree() throws SQLException {
        agree(
                StagingKind.BOOLEAN,
                List.of(0L, 1L, 2L, -1L, 0.0, 1.0, "0", "1", "t", "true", "", new byte[] {1}, Long.MAX_VALUE));
    }

    @Test
    void datesAgree() throws SQLException {
        List<Object> values = new ArrayList<>();
        // Every day of years SQLite's calendar could get wrong, plus impossible days of every month.
        for (int year : new int[] {0, 1, 4, 100, 1582, 1900, 2000, 2023, 2024, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    values.add(String.format("%04d-%02d-%02d", year, month, day));
                }
            }
        }
        values.addAll(List.of(
                "-0044-03-15",
                "-0044-03-15\u0000",
                "2024-01-01\u0000junk",
                "2024-02-30\u0000",
                "infinity\u0000",
                "-0044-13-45",
                "infinity",
                "-infinity",
                "Infinity",
                "2024-01-01 ",
                " 2024-01-01",
                "2024-1-1",
                "2024-01-01T00:00:00",
                "\u0662\u0660\u0662\u0664-01-01",
                "+2024-01-01",
                "12024-01-01",
                "",
                20240101L,
                2024.5,
                "2024-01-01".getBytes(StandardCharsets.UTF_8)));
        values.add(invalidUtf8("2024-01-0", "ff"));
        agree(StagingKind.DATE, values);
    }

    @Test
    void timestampsAgree() throws SQLException {
        List<Object> values = new ArrayList<>(List.of(
                "2024-01-01 00:00:00",
                "2024-01-01 00:00:00\u0000x",
                "2024-01-01 00:00\u0000:00",
                "2024-01-01T00:00:00",
                "2024-01-01 12:34:56.789012",
                "2024-01-01 12:34:56+05:30",
                "2024-01-01 12:34:56Z",
                "2024-02-29 00:00:00",
                "2023-02-29 00:00:00",
                "2024-04-31 00:00:00",
                "0000-02-29 00:00:00",
                "2024-01-01 24:00:00",
                "2024-01-01 29:59:59",
                "2024-01-01 30:00:00",
                "2024-01-01 00:60:00",
                "2024-01-01 00:00:60",
                "2024-01-01 00:00",
                "2024-01-01",
                "2024-01-01  00:00:00",
                "2024-01-01x00:00:00",
                "-0001-01-01 00:00:00",
                "-0001-13-01 00:00:00",
                "-0001-01-01T00:00:00.5",
                "-0001-01-01 00:00",
                "infinity",
                "-infinity",
                "",
                1_700_000_000L,
                1.7e9,
                new byte[] {'2'}));
        values.add(invalidUtf8("2024-01-01 00:00:00", "fe"));
        values.add(invalidUtf8("2024-01-01 00:00:0", "ff"));
        agree(StagingKind.TIMESTAMP, values);
        agree(StagingKind.TIMESTAMPTZ, values);
    }

    @Test
    void timesAgree() throws SQLException {
        List<Object> values = new ArrayList<>(List.of(
                "00:00:00",
                "12:00:00\u0000",
                "12:00\u0000:00",
                "23:59:59.999999",
                "24:00:00",
                "12:00:00+05:30",
                "12:00",
                "12:00:0",
                "30:00:00",
                "12:60:00",
                "1:00:00",
                " 12:00:00",
                "",
                43200L,
                0.5));
        values.add(invalidUtf8("12:00:00", "c3"));
        agree(StagingKind.TIME, values);
        agree(StagingKind.TIMETZ, values);
    }

    @Test
    void jsonAgrees() throws SQLException {
        List<Object> values = new ArrayList<>(jsonCatalogue());
        values.addAll(List.of(1L, 1.5, "{}".getBytes(StandardCharsets.UTF_8)));
        values.add(invalidUtf8("{\"a\": \"x", "ff", "\"}"));
        values.add(invalidUtf8("{\"a\": 1}", "ff"));
        values.add(invalidUtf8("[\"", "c0af", "\"]"));
        Random r = new Random(20261121);
        RandomJsonDocuments docs = new RandomJsonDocuments(
                new String[] {"a", "b", "é", "key with space", "\\u0041", "\\n"},
                new String[] {"", "x", "ünï", "tab\\there", "\\ud83d\\ude00", "😀", "quote\\\"d"},
                new String[] {"0", "-0", "1.5", "1e5", "-2E-3", "123456789012345678901234567890"},
                4,
                5,
                true);
        for (int i = 0; i < 300; i++) {
            String doc = docs.document(r);
            values.add(doc);
            // Mangled: one char dropped, or one of JSON5's extensions put in.
            int at = r.nextInt(doc.length());
            values.add(doc.substring(0, at) + doc.substring(at + 1));
            values.add(doc.substring(0, at) + "'\u000b/+.,".charAt(r.nextInt(6)) + doc.substring(at));
        }
        agree(StagingKind.JSON, values);
        agree(StagingKind.JSONB, values);
    }

    /**
     * SqliteCellReads takes the canonical text's fast path succeeding as the jsonb stored form's
     * check (and hands the text on to the encoder): that is only right if everything the fast
     * path takes is JSON to SQLite, and if the handed-on text encodes exactly as the encoder's own.
     */
    @Test
    void whatTheJsonbFastPathTakesIsValidJson() {
        List<Object> docs = new ArrayList<>(jsonCatalogue());
        Random r = new Random(7);
        RandomJsonDocuments random = new RandomJsonDocuments(
                new String[] {"a", "bb", "é", "\\u0041", "k k"},
                new String[] {"", "x", "ünï 😀", "\\n", "\\u00e9"},
                new String[] {"0", "-0", "1.50", "1e5", "-2E-3", "01", "1.", "-"},
                5,
                6,
                true);
        for (int i = 0; i < 2000; i++) {
            String doc = random.document(r);
            docs.add(doc);
            int at = r.nextInt(doc.length());
            docs.add(doc.substring(0, at) + "'\u000b\u000c/+.,\u00a0\u0000 ".charAt(r.nextInt(10)) + doc.substring(at));
        }
        JsonbCanonicalText canonical = new JsonbCanonicalText();
        JsonSyntax syntax = new JsonSyntax();
        int fast = 0;
        for (Object d : docs) {
            byte[] utf8 = ((String) d).getBytes(StandardCharsets.UTF_8);
            if (!canonical.fastBytes(utf8, 0, utf8.length)) {
                continue;
            }
            fast++;
            assertThat(syntax.isJson(utf8, 0, utf8.length))
                    .as(abbreviate((String) d))
                    .isTrue();
            Utf8Json handedOn = Utf8Json.ifValid(utf8);
            Utf8Json plain = Utf8Json.ifValid(utf8.clone());
            handedOn.canonical(java.util.Arrays.copyOf(canonical.buffer(), canonical.length()));
            ComparableEncoder a = new ComparableEncoder();
            ComparableEncoder b = new ComparableEncoder();
            a.value(StagingType.of(StagingKind.JSONB), handedOn);
            b.value(StagingType.of(StagingKind.JSONB), plain);
            assertThat(a.toBytes()).as(abbreviate((String) d)).isEqualTo(b.toBytes());
        }
        assertThat(fast).as("documents the fast path took").isGreaterThan(1000);
    }

    @Test
    void arraysAgree() throws SQLException {
        List<Object> values = new ArrayList<>(jsonCatalogue());
        values.addAll(List.of("[]", " [1, 2] ", "[[1], [null]]", "[1", "{\"a\": [1]}", "\"[1]\"", 1L));
        agree(StagingKind.ARRAY, values);
    }

    @Test
    void checkedKindsAreExactlyThoseWithACondition() {
        for (StagingKind kind : StagingKind.values()) {
            assertThat(StoredForm.isChecked(type(kind)))
                    .as("%s", kind)
                    .isEqualTo(SqliteChecks.badFormat("\"c\"", type(kind)) != null);
        }
    }

    @Test
    void theCalendarIsJavaTimes() {
        // What isRealDay relies on for year 0000: java.time's proleptic leap year, as SQLite's.
        assertThat(LocalDate.of(0, 2, 29)).hasToString("0000-02-29");
    }

    private static List<Object> jsonCatalogue() {
        List<Object> values = new ArrayList<>(List.of(
                "{}",
                "[]",
                "1",
                "-0",
                "0.5",
                "1e5",
                "1E+5",
                "1e-5",
                "-1.25e10",
                "true",
                "false",
                "null",
                "\"\"",
                "\"é😀\"",
                "{\"a\": [1, {\"b\": null}], \"c\": \"d\"}",
                " \t\n\r{} \t\n\r",
                "01",
                "-01",
                "1.",
                ".5",
                "1e",
                "1e+",
                "+1",
                "-",
                "--1",
                "0x10",
                "NaN",
                "Infinity",
                "-Infinity",
                "True",
                "nul",
                "truex",
                "{} x",
                "{}{}",
                "[1,]",
                "{\"a\":1,}",
                "[1 2]",
                "{\"a\" 1}",
                "{a: 1}",
                "{'a': 1}",
                "['a']",
                "/* c */ 1",
                "1 // c",
                "\u000b1",
                "1\u000c",
                "\u00a01",
                "\ufeff1",
                "",
                " ",
                "\"\\u00e9\"",
                "\"\\u00E9\"",
                "\"\\uD83D\\uDE00\"",
                "\"\\ud800\"",
                "\"\\u00G0\"",
                "\"\\u00e\"",
                "\"\\x41\"",
                "\"\\'\"",
                "\"\\v\"",
                "\"\\0\"",
                "\"\\/\"",
                "\"a\tb\"",
                "\"a\nb\"",
                "\"a\u001fb\"",
                "\"a\u007fb\"",
                "\"\\",
                "\"abc",
                "[\"a\\\"]",
                "{\"a\":}",
                "{,}",
                "[,1]",
                "{\"a\"}",
                "\"\u0000\"",
                "[1]\u0000",
                "\"\\u0000\""));
        for (int depth : new int[] {999, 1000, 1001}) {
            values.add("[".repeat(depth) + "]".repeat(depth));
            values.add("{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1));
            values.add("[".repeat(depth - 1) + "{}" + "]".repeat(depth - 1));
        }
        return values;
    }

    /** A TEXT value whose bytes are {@code prefix} then the hex bytes: not UTF-8. */
    private static Object invalidUtf8(String prefix, String hex) {
        return invalidUtf8(prefix, hex, "");
    }

    /** A TEXT value whose bytes are {@code prefix}, the hex bytes, then {@code suffix}. */
    private static Object invalidUtf8(String prefix, String hex, String suffix) {
        return new InvalidText(prefix, hex, suffix);
    }

    private record InvalidText(String prefix, String hex, String suffix) {}

    private static StagingType type(StagingKind kind) {
        return kind == StagingKind.ARRAY
                ? StagingType.array(StagingType.of(StagingKind.INT32), 1)
                : StagingType.of(kind);
    }

    /** Stores the values in a column without affinity, then asks SQLite and StoredForm about each. */
    private void agree(StagingKind kind, List<Object> values) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists t");
            s.execute("create table t (c)");
        }
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("insert into t (c) values (?)");
                PreparedStatement invalid = db.prepareStatement("insert into t (c) values (cast(? as text))")) {
            for (Object v : values) {
                if (v instanceof InvalidText t) {
                    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                    all.writeBytes(t.prefix().getBytes(StandardCharsets.UTF_8));
                    all.writeBytes(HexFormat.of().parseHex(t.hex()));
                    all.writeBytes(t.suffix().getBytes(StandardCharsets.UTF_8));
                    invalid.setBytes(1, all.toByteArray());
                    invalid.executeUpdate();
                } else {
                    insert.setObject(1, v);
                    insert.executeUpdate();
                }
            }
        }
        db.commit();
        StagingType type = type(kind);
        ColumnSchema column = new ColumnSchema("c", null, type, true, null, null, null, null);
        String sql = "select c, coalesce(" + SqliteChecks.badFormat("c", type) + ", 0), typeof(c), quote(c)"
                + " from t order by rowid";
        int checked = 0;
        List<String> disagreements = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            long[] bad = new long[1];
            ColumnReader reader = SqliteCellReads.reader(column, new SqliteDriverCells(ps, 4), bad, 0);
            // The value too, against the plain reader, except jsonb (handed over as its bytes).
            ColumnReader plain = kind == StagingKind.JSONB ? null : SqliteSide.reader(column);
            while (rs.next()) {
                boolean sqlSaysBad = rs.getLong(2) != 0;
                long before = bad[0];
                Object value = read(reader, rs);
                boolean javaSaysBad = bad[0] > before;
                if (javaSaysBad != sqlSaysBad) {
                    disagreements.add(rs.getString(3) + " " + abbreviate(rs.getString(4)) + ": SQLite says "
                            + (sqlSaysBad ? "bad" : "good"));
                }
                Object expected = plain == null ? value : read(plain, rs);
                if (!Objects.deepEquals(value, expected)) {
                    disagreements.add(rs.getString(3) + " " + abbreviate(rs.getString(4)) + ": read as " + value
                            + ", the plain reader reads " + expected);
                }
                checked++;
            }
        }
        assertThat(disagreements).as("%s", kind).isEmpty();
        assertThat(checked).isEqualTo(values.size());
    }

    /** The value read, or the message of a value the comparison reports as unreadable. */
    private static Object read(ColumnReader reader, ResultSet rs) throws SQLException {
        try {
            return reader.read(rs, 1);
        } catch (IllegalArgumentException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() < 120 ? s : s.substring(0, 60) + "..." + s.substring(s.length() - 40);
    }
}
