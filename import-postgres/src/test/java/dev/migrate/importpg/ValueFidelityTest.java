package dev.migrate.importpg;

import static dev.migrate.importpg.StagingFixture.row;
import static dev.migrate.importpg.StagingFixture.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableReader;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every staging type's edge values go through COPY and come back from PostgreSQL as exactly the
 * expected PostgreSQL text form ({@code col::text}); then the backup path reads them back into
 * the same canonical values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValueFidelityTest extends ImportTestSupport {

    private static final StagingType T_TEXT = StagingType.of(StagingKind.TEXT);

    /** One case: a staging type, a canonical value, and what {@code value::text} must print. */
    record Case(String column, StagingType type, Object value, String expected) {
        @Override
        public String toString() {
            return column + " " + type + " " + (value instanceof byte[] b ? Arrays.toString(b) : value);
        }
    }

    static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder("\\x");
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        StagingType i16 = StagingType.of(StagingKind.INT16);
        StagingType i32 = StagingType.of(StagingKind.INT32);
        StagingType i64 = StagingType.of(StagingKind.INT64);
        c.add(new Case("i16", i16, -32768L, "-32768"));
        c.add(new Case("i16", i16, 32767L, "32767"));
        c.add(new Case("i32", i32, (long) Integer.MIN_VALUE, "-2147483648"));
        c.add(new Case("i64", i64, Long.MIN_VALUE, "-9223372036854775808"));
        c.add(new Case("i64", i64, 9007199254740993L, "9007199254740993"));
        StagingType dec = StagingType.decimal(null, null);
        c.add(new Case("dec", dec, "12.50", "12.50"));
        c.add(new Case("dec", dec, "-0.000001", "-0.000001"));
        c.add(new Case("dec", dec, "NaN", "NaN"));
        c.add(new Case("dec", dec, "Infinity", "Infinity"));
        c.add(new Case("dec", dec, "-Infinity", "-Infinity"));
        c.add(new Case(
                "dec",
                dec,
                "123456789012345678901234567890.123456789012345678901234567890",
                "123456789012345678901234567890.123456789012345678901234567890"));
        c.add(new Case("dec12", StagingType.decimal(12, 2), "9999999999.99", "9999999999.99"));
        c.add(new Case("dec12", StagingType.decimal(12, 2), "0.00", "0.00"));
        StagingType f32 = StagingType.of(StagingKind.FLOAT32);
        StagingType f64 = StagingType.of(StagingKind.FLOAT64);
        c.add(new Case("f32", f32, 24.123457, "24.123457"));
        c.add(new Case("f32", f32, Double.NaN, "NaN"));
        c.add(new Case("f64", f64, 0.30000000000000004, "0.30000000000000004"));
        c.add(new Case("f64", f64, 1e-300, "1e-300"));
        c.add(new Case("f64", f64, -0.0, "-0"));
        c.add(new Case("f64", f64, Double.POSITIVE_INFINITY, "Infinity"));
        c.add(new Case("f64", f64, Double.NEGATIVE_INFINITY, "-Infinity"));
        c.add(new Case("f64", f64, Double.NaN, "NaN"));
        c.add(new Case("f64", f64, 9007199254740993.0, "9.007199254740992e+15"));
        c.add(new Case("f64", f64, 1.7976931348623157e308, "1.7976931348623157e+308"));
        StagingType bool = StagingType.of(StagingKind.BOOLEAN);
        c.add(new Case("b", bool, true, "true"));
        c.add(new Case("b", bool, false, "false"));
        c.add(new Case(
                "t", T_TEXT, "tab\there\nnew\r\nline \\ back 'q' \"dq\"", "tab\there\nnew\r\nline \\ back 'q' \"dq\""));
        c.add(new Case("t", T_TEXT, "\\N", "\\N"));
        c.add(new Case("t", T_TEXT, "", ""));
        c.add(new Case("t", T_TEXT, "e\u0301 😀 東京 \u00a0", "e\u0301 😀 東京 \u00a0"));
        c.add(new Case("t", T_TEXT, "\\.", "\\."));
        c.add(new Case("vc", StagingType.varchar(5), "abcde", "abcde"));
        c.add(new Case("ch", StagingType.character(3), "a", "a  "));
        c.add(new Case(
                "u",
                StagingType.of(StagingKind.UUID),
                "20200000-0000-4000-8000-0000000000ff",
                "20200000-0000-4000-8000-0000000000ff"));
        c.add(new Case("j", StagingType.of(StagingKind.JSON), "{\"a\": 1,  \"a\":2}", "{\"a\": 1,  \"a\":2}"));
        c.add(new Case(
                "j", StagingType.of(StagingKind.JSON), "{\"x\": 1.0e2, \"y\": -0}", "{\"x\": 1.0e2, \"y\": -0}"));
        c.add(new Case(
                "jb",
                StagingType.of(StagingKind.JSONB),
                "{\"b\":[1,null,\"x\\\\\"],\"a\":12.50}",
                "{\"a\": 12.50, \"b\": [1, null, \"x\\\\\"]}"));
        c.add(new Case("jb", StagingType.of(StagingKind.JSONB), "12.50", "12.50"));
        c.add(new Case("jb", StagingType.of(StagingKind.JSONB), "[]", "[]"));
        StagingType bytes = StagingType.of(StagingKind.BYTES);
        c.add(new Case("by", bytes, allBytes(), hex(allBytes())));
        c.add(new Case("by", bytes, new byte[0], "\\x"));
        c.add(new Case("by", bytes, new byte[] {0}, "\\x00"));
        StagingType date = StagingType.of(StagingKind.DATE);
        c.add(new Case("d", date, "-0043-03-15", "0044-03-15 BC"));
        c.add(new Case("d", date, "-0099-07-12", "0100-07-12 BC"));
        c.add(new Case("d", date, "0000-01-01", "0001-01-01 BC"));
        c.add(new Case("d", date, "2000-02-29", "2000-02-29"));
        c.add(new Case("d", date, "12345-06-07", "12345-06-07"));
        c.add(new Case("d", date, "infinity", "infinity"));
        c.add(new Case("d", date, "-infinity", "-infinity"));
        StagingType time = StagingType.of(StagingKind.TIME);
        c.add(new Case("tm", time, "24:00:00", "24:00:00"));
        c.add(new Case("tm", time, "12:00:00.5", "12:00:00.5"));
        c.add(new Case("tm", time, "00:00:00", "00:00:00"));
        StagingType timetz = StagingType.of(StagingKind.TIMETZ);
        c.add(new Case("tz", timetz, "07:30:00+02:00", "07:30:00+02"));
        c.add(new Case("tz", timetz, "23:15:30.25-03:30", "23:15:30.25-03:30"));
        c.add(new Case("tz", timetz, "12:00:00Z", "12:00:00+00"));
        StagingType ts = StagingType.of(StagingKind.TIMESTAMP);
        c.add(new Case("ts", ts, "-0043-03-15 12:00:00", "0044-03-15 12:00:00 BC"));
        c.add(new Case("ts", ts, "2000-01-01 00:00:00.123456", "2000-01-01 00:00:00.123456"));
        c.add(new Case("ts", ts, "infinity", "infinity"));
        c.add(new Case("ts", ts, "-infinity", "-infinity"));
        StagingType tstz = StagingType.of(StagingKind.TIMESTAMPTZ);
        c.add(new Case("tstz", tstz, "2021-03-04 09:15:00.123456+00:00", "2021-03-04 09:15:00.123456+00"));
        c.add(new Case("tstz", tstz, "1990-05-17 14:30:15.123456+05:30", "1990-05-17 09:00:15.123456+00"));
        c.add(new Case("tstz", tstz, "1969-12-31 23:59:59-09:30", "1970-01-01 09:29:59+00"));
        c.add(new Case("tstz", tstz, "-0043-03-15 12:00:00+00:00", "0044-03-15 12:00:00+00 BC"));
        c.add(new Case("tstz", tstz, "infinity", "infinity"));
        StagingType iv = StagingType.of(StagingKind.INTERVAL);
        c.add(new Case("iv", iv, "P1Y2M3DT4H5M6.789S", "P1Y2M3DT4H5M6.789S"));
        c.add(new Case("iv", iv, "P1DT-2H", "P1DT-2H"));
        c.add(new Case("iv", iv, "PT0S", "PT0S"));
        c.add(new Case("iv", iv, "PT-3H", "PT-3H"));
        c.add(new Case("iv", iv, "P-1Y-2M", "P-1Y-2M"));
        StagingType textArray = StagingType.array(T_TEXT, 1);
        c.add(new Case(
                "ta",
                textArray,
                Arrays.asList(null, "a,b", "{braces}", "back\\slash", "''", "", "NULL", "says \"hi\", often", " sp "),
                "{NULL,\"a,b\",\"{braces}\",\"back\\\\slash\",'',\"\",\"NULL\",\"says \\\"hi\\\", often\",\" sp \"}"));
        c.add(new Case("ta", textArray, List.of(), "{}"));
        c.add(new Case("ta", textArray, List.of("tab\tnl\n"), "{\"tab\tnl\n\"}"));
        StagingType intGrid = StagingType.array(i32, 2);
        c.add(new Case("ia", intGrid, List.of(List.of(1L, 2L), Arrays.asList(3L, null)), "{{1,2},{3,NULL}}"));
        c.add(new Case("ia", intGrid, Arrays.asList(1L, null, 7L), "{1,NULL,7}"));
        c.add(new Case("ba", StagingType.array(bytes, 1), List.of(new byte[] {0, (byte) 255}), "{\"\\\\x00ff\"}"));
        c.add(new Case(
                "da",
                StagingType.array(date, 1),
                List.of("-0043-03-15", "2000-01-01"),
                "{\"0044-03-15 BC\",2000-01-01}"));
        c.add(new Case(
                "jba",
                StagingType.array(StagingType.of(StagingKind.JSONB), 1),
                List.of("{\"a\":1}"),
                "{\"{\\\"a\\\": 1}\"}"));
        c.add(new Case("e", StagingType.enumOf("mood"), "happy", "happy"));
        c.add(new Case("ea", StagingType.array(StagingType.enumOf("mood"), 1), List.of("sad", "happy"), "{sad,happy}"));
        c.add(new Case("st", StagingType.sourceText("inet"), "192.168.0.1/24", "192.168.0.1/24"));
        return c;
    }

    /** Column name → type, in first-seen order. */
    static Map<String, StagingType> columns() {
        Map<String, StagingType> m = new LinkedHashMap<>();
        for (Case c : cases()) {
            m.putIfAbsent(c.column, c.type);
        }
        return m;
    }

    private String database;
    private Path staging;

    @BeforeAll
    void importEveryCase() throws Exception {
        // One table per source dialect; each case is one row with its value in its column.
        StagingFixture.TableBuilder t =
                table("vals").notNull("id", StagingType.of(StagingKind.INT64)).pk("id");
        columns().forEach(t::col);
        List<Object[]> values = new ArrayList<>();
        List<Case> cases = cases();
        List<String> names = new ArrayList<>(columns().keySet());
        for (int i = 0; i < cases.size(); i++) {
            Object[] r = new Object[names.size() + 1];
            r[0] = (long) i;
            r[names.indexOf(cases.get(i).column) + 1] = cases.get(i).value;
            values.add(r);
        }
        staging = StagingFixture.fromSqlite()
                .enumType("mood", "sad", "ok", "happy")
                .add(t, values.toArray(new Object[0][]))
                .write(tmp.resolve("staging-values"));
        database = db.createDatabase("values");
        importInto(database, staging);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> indexedCases() {
        List<Case> cases = cases();
        return java.util.stream.IntStream.range(0, cases.size())
                .mapToObj(i -> org.junit.jupiter.params.provider.Arguments.of(i, cases.get(i)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("indexedCases")
    void valueComesBackAsExpectedText(int id, Case c) throws Exception {
        // char(n)::text would strip the padding PostgreSQL stores; read the bpchar output itself.
        String cast = c.type.kind() == StagingKind.CHAR ? "" : "::text";
        String text = value(database, "select \"" + c.column + "\"" + cast + " from vals where id = " + id);
        assertThat(text).isEqualTo(c.expected);
    }

    @Test
    void columnTypesComeFromTheMapping() throws Exception {
        assertThat(rows(
                        database,
                        "select attname || ' ' || format_type(atttypid, atttypmod) from pg_attribute"
                                + " where attrelid = 'vals'::regclass and attnum > 0 order by attnum"))
                .contains(
                        "i16 smallint",
                        "dec numeric",
                        "dec12 numeric(12,2)",
                        "f32 real",
                        "vc character varying(5)",
                        "ch character(3)",
                        "tz time with time zone",
                        "tstz timestamp with time zone",
                        "ta text[]",
                        "ia integer[]",
                        "e mood",
                        "ea mood[]",
                        "st text");
    }

    @Test
    void backupReadsEveryValueBackToItsCanonicalForm() throws Exception {
        // A second, data-only import into the now non-empty table forces a backup of it.
        ImportResult r =
                new PostgresImporter(options(emptyStagingLike(), database).withDataOnly(true)).run(ImportListener.NONE);
        assertThat(r.backupDirectory()).isNotNull();
        StagingReader backup = StagingReader.open(r.backupDirectory());
        List<Case> cases = cases();
        List<String> names = new ArrayList<>(columns().keySet());
        int seen = 0;
        try (TableReader tr = backup.openTable("vals")) {
            Object[] row;
            while ((row = tr.next()) != null) {
                Case c = cases.get(((Long) row[0]).intValue());
                Object v = row[tr.table().columnIndex(c.column)];
                assertThat(normalised(v)).as(c.toString()).isEqualTo(normalised(expectedCanonical(c)));
                seen++;
            }
        }
        assertThat(seen).isEqualTo(cases.size());
        assertThat(names).isNotEmpty();
    }

    /** What the backup holds: the staged value as PostgreSQL stores it (padding, UTC, compact jsonb). */
    private static Object expectedCanonical(Case c) {
        return switch (c.column) {
            case "ch" -> "a  ";
            case "f32" -> c.value;
            case "tz" -> ((String) c.value).replace("Z", "+00:00");
            case "tstz" ->
                switch ((String) c.value) {
                    case "1990-05-17 14:30:15.123456+05:30" -> "1990-05-17 09:00:15.123456+00:00";
                    case "1969-12-31 23:59:59-09:30" -> "1970-01-01 09:29:59+00:00";
                    default -> c.value;
                };
            // jsonb comes back in PostgreSQL's key order, compacted by the staging codec.
            case "jb" -> ((String) c.value).startsWith("{") ? "{\"a\":12.50,\"b\":[1,null,\"x\\\\\"]}" : c.value;
            case "f64" -> c.value.equals(9007199254740993.0) ? 9007199254740992.0 : c.value;
            default -> c.value;
        };
    }

    private static Object normalised(Object v) {
        if (v instanceof byte[] b) {
            return hex(b);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(normalised(o));
            }
            return out;
        }
        return v;
    }

    private Path emptyStagingLike() {
        StagingFixture.TableBuilder t =
                table("vals").notNull("id", StagingType.of(StagingKind.INT64)).pk("id");
        columns().forEach(t::col);
        return StagingFixture.fromSqlite()
                .enumType("mood", "sad", "ok", "happy")
                .add(t)
                .write(tmp.resolve("staging-empty"));
    }

    @Test
    void nulInTextIsRefusedWithOneLineNamingTableRowAndColumn() throws Exception {
        Path s = StagingFixture.fromSqlite()
                .add(
                        table("notes")
                                .notNull("id", StagingType.of(StagingKind.INT64))
                                .col("body", T_TEXT),
                        row(1L, "fine"),
                        row(2L, "bad\u0000byte"))
                .write(tmp.resolve("staging-nul"));
        String target = db.createDatabase("nul");
        String before = fingerprint(target);
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                dev.migrate.core.MigrateException.class, () -> importInto(target, s));
        assertThat(e.getMessage())
                .contains("table \"notes\"", "row 2", "column \"body\"", "NUL")
                .doesNotContain("\n");
        assertThat(fingerprint(target)).isEqualTo(before);
    }
}
