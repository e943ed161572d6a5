package dev.migrate.importsqlite;

import static dev.migrate.importsqlite.StagingBuilder.col;
import static dev.migrate.importsqlite.StagingBuilder.notNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every staging type's edge values go into the SQLite file with the storage class and the exact
 * value documented in {@link ValueBinder}, and SQLite's type affinity changes none of them.
 */
class ValueStorageTest {

    @TempDir
    static Path tmp;

    static Path db;

    /** One value: its staging type, canonical value, and what SQLite must hold. */
    record Case(StagingType type, Object value, String typeof, Object stored) {}

    static final List<Case> CASES = new ArrayList<>();

    /** Marks an array whose stored text is checked only by reading it back with the staging codec. */
    static final String CODEC_ONLY = "(checked with the codec)";

    static StagingType t(StagingKind k) {
        return StagingType.of(k);
    }

    static void add(StagingType type, Object value, String typeof, Object stored) {
        CASES.add(new Case(type, value, typeof, stored));
    }

    static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    static {
        for (StagingKind k : List.of(StagingKind.INT16, StagingKind.INT32, StagingKind.INT64)) {
            add(t(k), 0L, "integer", 0L);
            add(t(k), -1L, "integer", -1L);
        }
        add(t(StagingKind.INT16), 32767L, "integer", 32767L);
        add(t(StagingKind.INT32), 2147483647L, "integer", 2147483647L);
        add(t(StagingKind.INT64), Long.MAX_VALUE, "integer", Long.MAX_VALUE);
        add(t(StagingKind.INT64), Long.MIN_VALUE, "integer", Long.MIN_VALUE);
        add(t(StagingKind.INT64), 9007199254740993L, "integer", 9007199254740993L);

        StagingType dec = StagingType.decimal(12, 2);
        add(dec, "12.50", "text", "12.50");
        add(dec, "0.00", "text", "0.00");
        add(dec, "9999999999.99", "text", "9999999999.99");
        add(dec, "-0.01", "text", "-0.01");
        StagingType anyDecimal = StagingType.decimal(null, null);
        add(
                anyDecimal,
                "123456789012345678901234567890.1234567890",
                "text",
                "123456789012345678901234567890.1234567890");
        add(anyDecimal, "NaN", "text", "NaN");
        add(anyDecimal, "Infinity", "text", "Infinity");
        add(anyDecimal, "-Infinity", "text", "-Infinity");
        add(anyDecimal, "100", "text", "100");

        StagingType f8 = t(StagingKind.FLOAT64);
        add(f8, 0.30000000000000004, "real", 0.30000000000000004);
        add(f8, 1e-300, "real", 1e-300);
        add(f8, 2.0, "real", 2.0);
        add(f8, 0.0, "real", 0.0);
        add(f8, Double.MAX_VALUE, "real", Double.MAX_VALUE);
        add(f8, Double.MIN_VALUE, "real", Double.MIN_VALUE);
        add(f8, Double.POSITIVE_INFINITY, "real", Double.POSITIVE_INFINITY);
        add(f8, Double.NEGATIVE_INFINITY, "real", Double.NEGATIVE_INFINITY);
        add(f8, Double.NaN, "text", "NaN");
        add(f8, -0.0, "text", ValueBinder.NEGATIVE_ZERO);
        add(t(StagingKind.FLOAT32), 24.123457, "real", 24.123457);
        add(t(StagingKind.FLOAT32), Double.NaN, "text", "NaN");

        add(t(StagingKind.BOOLEAN), true, "integer", 1L);
        add(t(StagingKind.BOOLEAN), false, "integer", 0L);

        add(t(StagingKind.TEXT), "", "text", "");
        add(t(StagingKind.TEXT), "007", "text", "007");
        add(t(StagingKind.TEXT), "12.50", "text", "12.50");
        add(t(StagingKind.TEXT), "1e5", "text", "1e5");
        add(t(StagingKind.TEXT), "NULL", "text", "NULL");
        add(t(StagingKind.TEXT), "line1\r\nline2\ttab é́ 😀 東京", "text", "line1\r\nline2\ttab é́ 😀 東京");
        add(t(StagingKind.TEXT), "nul\u0000inside", "text", "nul\u0000inside");
        add(StagingType.varchar(5), "00123", "text", "00123");
        add(StagingType.character(2), "A ", "text", "A ");
        add(
                t(StagingKind.UUID),
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "text",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        add(
                t(StagingKind.UUID),
                "00000000-0000-0000-0000-000000000000",
                "text",
                "00000000-0000-0000-0000-000000000000");
        add(t(StagingKind.JSON), "{\"a\": 1,  \"a\":2}", "text", "{\"a\": 1,  \"a\":2}");
        add(
                t(StagingKind.JSON),
                "{\"x\": 1.0e2, \"y\": -0, \"z\": 12.50}",
                "text",
                "{\"x\": 1.0e2, \"y\": -0, \"z\": 12.50}");
        add(t(StagingKind.JSON), "12.50", "text", "12.50");
        add(t(StagingKind.JSONB), "12.50", "text", "12.50");
        add(t(StagingKind.JSONB), "{\"a\":[1,null,\"\\\\\"],\"b\":{}}", "text", "{\"a\":[1,null,\"\\\\\"],\"b\":{}}");
        add(StagingType.enumOf("mood"), "happy", "text", "happy");
        add(StagingType.sourceText("point"), "(1,2)", "text", "(1,2)");
        add(StagingType.sourceText("money"), "12", "text", "12");

        add(t(StagingKind.BYTES), allBytes(), "blob", allBytes());
        add(t(StagingKind.BYTES), new byte[0], "blob", new byte[0]);
        add(t(StagingKind.BYTES), new byte[] {0}, "blob", new byte[] {0});

        add(t(StagingKind.DATE), "2000-02-29", "text", "2000-02-29");
        add(t(StagingKind.DATE), "-0099-07-12", "text", "-0099-07-12");
        add(t(StagingKind.DATE), "0000-01-01", "text", "0000-01-01");
        add(t(StagingKind.DATE), "12345-01-01", "text", "12345-01-01");
        add(t(StagingKind.DATE), "infinity", "text", "infinity");
        add(t(StagingKind.DATE), "-infinity", "text", "-infinity");
        add(t(StagingKind.TIME), "24:00:00", "text", "24:00:00");
        add(t(StagingKind.TIME), "12:00:00.5", "text", "12:00:00.5");
        add(t(StagingKind.TIME), "00:00:00", "text", "00:00:00");
        add(t(StagingKind.TIMETZ), "07:30:00+02:00", "text", "07:30:00+02:00");
        add(t(StagingKind.TIMETZ), "23:15:30.25-03:30", "text", "23:15:30.25-03:30");
        add(t(StagingKind.TIMESTAMP), "1990-05-17 14:30:15.123456", "text", "1990-05-17 14:30:15.123456");
        add(t(StagingKind.TIMESTAMP), "-0099-07-12 00:00:00", "text", "-0099-07-12 00:00:00");
        add(t(StagingKind.TIMESTAMP), "infinity", "text", "infinity");
        add(t(StagingKind.TIMESTAMPTZ), "1990-05-17 09:00:15.123456+00:00", "text", "1990-05-17 09:00:15.123456+00:00");
        add(t(StagingKind.TIMESTAMPTZ), "-infinity", "text", "-infinity");
        add(t(StagingKind.INTERVAL), "P1Y2M3DT4H5M6.789S", "text", "P1Y2M3DT4H5M6.789S");
        add(t(StagingKind.INTERVAL), "PT0S", "text", "PT0S");
        add(t(StagingKind.INTERVAL), "P1DT-2H", "text", "P1DT-2H");
        add(t(StagingKind.INTERVAL), "PT-5H", "text", "PT-5H");

        StagingType textArray = StagingType.array(t(StagingKind.TEXT), 1);
        add(
                textArray,
                Arrays.asList("says \"hi\", often", null, "O'Reilly", "", "NULL", "{braces}", "back\\slash"),
                "text",
                "[\"says \\\"hi\\\", often\",null,\"O'Reilly\",\"\",\"NULL\",\"{braces}\",\"back\\\\slash\"]");
        add(textArray, List.of(), "text", "[]");
        add(
                StagingType.array(t(StagingKind.INT32), 2),
                List.of(List.of(1L, 2L), Arrays.asList(3L, null)),
                "text",
                "[[1,2],[3,null]]");
        add(
                StagingType.array(t(StagingKind.FLOAT64), 1),
                List.of(Double.NaN, 1.5, Double.NEGATIVE_INFINITY),
                "text",
                "[\"NaN\",1.5,\"-Infinity\"]");
        // The element forms of jsonb and bytes are the staging codec's business: checked by reading back.
        add(StagingType.array(t(StagingKind.JSONB), 1), List.of("{\"a\":1}", "12.50"), "text", CODEC_ONLY);
        add(StagingType.array(t(StagingKind.BYTES), 1), List.of(new byte[] {0, (byte) 255}), "text", CODEC_ONLY);
        add(StagingType.array(t(StagingKind.DECIMAL), 1), List.of("12.50", "NaN"), "text", "[\"12.50\",\"NaN\"]");
    }

    /** One table per staging type (its toString, sanitised): id + v. */
    static Map<String, List<Case>> byTable() {
        Map<String, List<Case>> out = new LinkedHashMap<>();
        for (Case c : CASES) {
            out.computeIfAbsent("t_" + c.type().toString().replaceAll("[^a-z0-9]+", "_"), k -> new ArrayList<>())
                    .add(c);
        }
        return out;
    }

    @BeforeAll
    static void importEverything() {
        StagingBuilder b = StagingBuilder.in(tmp.resolve("staging")).enumType("mood", "sad", "happy");
        byTable().forEach((name, cases) -> {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                rows.add(new Object[] {(long) i, cases.get(i).value()});
            }
            rows.add(new Object[] {(long) cases.size(), null}); // and NULL stays NULL
            b.table(
                    StagingBuilder.table(
                            name,
                            List.of(
                                    notNull("id", t(StagingKind.INT64)),
                                    col("v", cases.get(0).type())),
                            List.of("id")),
                    rows);
        });
        b.write();
        db = tmp.resolve("values.db");
        new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db)).run();
    }

    @Test
    void everyValueKeepsItsStorageClassAndValue() throws Exception {
        try (Connection c = Sqlite.open(db);
                Statement st = c.createStatement()) {
            for (Map.Entry<String, List<Case>> e : byTable().entrySet()) {
                List<Case> cases = e.getValue();
                try (ResultSet rs =
                        st.executeQuery("SELECT id, typeof(v), v FROM \"" + e.getKey() + "\" ORDER BY id")) {
                    for (Case expected : cases) {
                        assertThat(rs.next()).isTrue();
                        String what = e.getKey() + " " + describe(expected.value());
                        assertThat(rs.getString(2)).as(what + " typeof").isEqualTo(expected.typeof());
                        Object stored = rs.getObject(3);
                        if (stored instanceof Integer i) {
                            stored = i.longValue();
                        }
                        if (expected.stored() instanceof Double d) {
                            assertThat(Double.doubleToRawLongBits((Double) stored))
                                    .as(what)
                                    .isEqualTo(Double.doubleToRawLongBits(d));
                        } else if (expected.stored() == CODEC_ONLY) {
                            assertThat(readArray(expected.type(), (String) stored))
                                    .as(what)
                                    .isEqualTo(deepToString(expected.value()));
                        } else if (expected.stored() instanceof byte[] bytes) {
                            assertThat((byte[]) stored).as(what).isEqualTo(bytes);
                        } else {
                            assertThat(stored).as(what).isEqualTo(expected.stored());
                        }
                    }
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(2)).as(e.getKey() + " NULL").isEqualTo("null");
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @Test
    void arraysReadBackWithTheStagingCodec() throws Exception {
        for (Case c : CASES) {
            if (c.type().kind() == StagingKind.ARRAY && c.stored() != CODEC_ONLY) {
                assertThat(readArray(c.type(), (String) c.stored())).isEqualTo(deepToString(c.value()));
            }
        }
    }

    private static String readArray(StagingType type, String json) throws java.io.IOException {
        try (JsonParser p = StagingJson.FACTORY.createParser(json)) {
            p.nextToken();
            return deepToString(Codecs.forType(type).read(p));
        }
    }

    @Test
    void negativeZeroTextReadsAsNegativeZeroWhenCastToReal() {
        Object v = Sqlite.scalar(db, "SELECT CAST(v AS REAL) FROM t_float64 WHERE typeof(v) = 'text' AND v LIKE '-0%'");
        assertThat(Double.doubleToRawLongBits((Double) v)).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    /**
     * Why -0.0 is stored as text: a REAL column keeps integral values as integers on disk, so a bound
     * -0.0, and the texts '-0.0' and '-0' (converted by REAL affinity), all come back as +0.0.
     */
    @Test
    void sqliteLosesTheSignOfZeroInARealColumn() {
        Path probe = tmp.resolve("negzero.db");
        Sqlite.exec(probe, "CREATE TABLE t (v FLOAT8)");
        try (Connection c = Sqlite.open(probe);
                var ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
            ps.setDouble(1, -0.0);
            ps.execute();
            ps.setString(1, "-0.0");
            ps.execute();
            ps.setString(1, "-0");
            ps.execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        for (List<Object> row : Sqlite.query(probe, "SELECT typeof(v), v FROM t")) {
            assertThat(row.get(0)).isEqualTo("real");
            assertThat(Double.doubleToRawLongBits((Double) row.get(1))).isZero(); // +0.0: the sign is gone
        }
    }

    @Test
    void declaredTypesComeFromTheMappingTableAndKeepTextStoredValuesAsText() {
        byTable().forEach((table, cases) -> {
            StagingType type = cases.get(0).type();
            Object declared = Sqlite.scalar(db, "SELECT type FROM pragma_table_info('" + table + "') WHERE name = 'v'");
            assertThat(declared).as(table).isEqualTo(TypeMappings.toSqlite(type));
            assertThat(Affinity.of((String) declared).risk(type.kind()))
                    .as(table)
                    .isNull();
        });
        assertThat(Sqlite.scalar(db, "SELECT type FROM pragma_table_info('t_decimal_12_2_') WHERE name = 'v'"))
                .isEqualTo("DECIMAL TEXT(12,2)");
    }

    private static String describe(Object v) {
        if (v instanceof byte[] b) {
            return "bytes[" + b.length + "]";
        }
        return String.valueOf(v);
    }

    private static String deepToString(Object v) {
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(deepToString(x)));
            return parts.toString();
        }
        if (v instanceof byte[] b) {
            return Arrays.toString(b);
        }
        return String.valueOf(v);
    }
}
