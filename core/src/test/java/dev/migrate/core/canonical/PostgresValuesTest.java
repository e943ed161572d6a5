package dev.migrate.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.StagingType;
import dev.migrate.testing.PostgresDatabase;
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
import org.junit.jupiter.api.extension.RegisterExtension;

/** Edge values read from a real PostgreSQL into canonical staging values. */
class PostgresValuesTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    /** Column name → PostgreSQL type, in order. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("id", "integer");
        COLUMNS.put("f8", "double precision");
        COLUMNS.put("f4", "real");
        COLUMNS.put("n", "numeric");
        COLUMNS.put("m", "money");
        COLUMNS.put("b", "boolean");
        COLUMNS.put("c", "character(3)");
        COLUMNS.put("u", "uuid");
        COLUMNS.put("j", "json");
        COLUMNS.put("jb", "jsonb");
        COLUMNS.put("by", "bytea");
        COLUMNS.put("d", "date");
        COLUMNS.put("tm", "time without time zone");
        COLUMNS.put("ttz", "time with time zone");
        COLUMNS.put("ts", "timestamp without time zone");
        COLUMNS.put("tstz", "timestamp with time zone");
        COLUMNS.put("iv", "interval");
        COLUMNS.put("ai", "integer[]");
        COLUMNS.put("at", "text[]");
        COLUMNS.put("a2", "integer[]");
        COLUMNS.put("ab", "bytea[]");
        COLUMNS.put("adt", "date[]");
        COLUMNS.put("ip", "inet");
        COLUMNS.put("big", "bigint");
    }

    @BeforeAll
    static void load() throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("set timezone = 'America/New_York'"); // inserts must not depend on the session zone
            StringBuilder ddl = new StringBuilder("create table edge (");
            COLUMNS.forEach(
                    (n, t) -> ddl.append('"').append(n).append("\" ").append(t).append(','));
            ddl.setLength(ddl.length() - 1);
            s.execute(ddl + ")");
            s.execute("insert into edge values (1, 'NaN', 'NaN', 1234567890123456789012345678901234567890.0123456789,"
                    + " 1234.56, true, 'A', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '{\"a\": 1,  \"a\":2}',"
                    + " '{\"b\":1, \"a\":[1, 2.50]}', decode((select string_agg(lpad(to_hex(i), 2, '0'), '')"
                    + " from generate_series(0, 255) i), 'hex'), '0044-03-15 BC', '24:00:00',"
                    + " '13:45:10.123456+05:30', '0044-03-15 12:00:00 BC', '2024-01-15 10:00:00+05:30',"
                    + " '1 year 2 mons 3 days 04:05:06.5', '{1,NULL,3}',"
                    + " array['a b', 'with \"q\" and \\', null, 'NULL', '', '{x}'], '{{1,2},{3,4}}',"
                    + " array['\\x00ff'::bytea, null], array['0001-01-01 BC'::date, 'infinity'],"
                    + " '10.0.0.1/8', 9223372036854775807)");
            s.execute("insert into edge (id, f8, f4, n, b, c, d, tm, ttz, ts, tstz, iv, ai, a2, big) values (2,"
                    + " '-0', 'Infinity', 'Infinity', false, 'abc', 'infinity', '00:00:00', '23:00:00-03',"
                    + " '-infinity', '1969-07-20 20:17:40.000001+00', '-1 days +02:00:00', '{}',"
                    + " '[0:1]={7,8}', -9223372036854775808)");
            s.execute(
                    "insert into edge (id, n, f8, by, tstz) values (3, '-12.3400', 1e-300, '', '0001-01-01 00:00:00+00 BC')");
            s.execute("insert into edge (id) values (4)");
        }
    }

    private static List<Map<String, Object>> readAll() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            PostgresValues.prepareSession(c);
            List<String> select = new ArrayList<>();
            List<ColumnReader> readers = new ArrayList<>();
            COLUMNS.forEach((n, t) -> {
                StagingType type = staging(t);
                select.add(PostgresValues.INSTANCE.selectExpression(n, type));
                readers.add(PostgresValues.INSTANCE.reader(type));
            });
            try (Statement s = c.createStatement()) {
                s.setFetchSize(2);
                try (ResultSet rs = s.executeQuery("select " + String.join(", ", select) + " from edge order by id")) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        int i = 1;
                        for (String n : COLUMNS.keySet()) {
                            Object v = readers.get(i - 1).read(rs, i);
                            if (v != null) {
                                // Every value is accepted unchanged by its staging codec.
                                Object again =
                                        Codecs.forType(staging(COLUMNS.get(n))).canonical(v);
                                assertThat(again)
                                        .as(n)
                                        .usingRecursiveComparison()
                                        .isEqualTo(v);
                            }
                            row.put(n, v);
                            i++;
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    /**
     * The same edge values through {@code COPY ... TO STDOUT} ({@link PostgresCopyRows}, {@link
     * PostgresValues#copyReader}): equal to the cursor's, value for value, for every type above.
     */
    @Test
    void copyReadsWhatTheCursorReads() throws Exception {
        List<Map<String, Object>> byCursor = readAll();
        List<Map<String, Object>> byCopy = new ArrayList<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            PostgresValues.prepareSession(c);
            List<String> select = new ArrayList<>();
            COLUMNS.forEach((n, t) -> select.add(PostgresValues.INSTANCE.selectExpression(n, staging(t))));
            try (PostgresCopyRows rows = PostgresCopyRows.open(
                    c, "select " + String.join(", ", select) + " from edge order by id", COLUMNS.size())) {
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    int i = 1;
                    for (Map.Entry<String, String> column : COLUMNS.entrySet()) {
                        row.put(
                                column.getKey(),
                                PostgresValues.INSTANCE
                                        .copyReader(staging(column.getValue()))
                                        .read(rows, i++));
                    }
                    byCopy.add(row);
                }
            }
            c.commit();
        }
        assertThat(byCopy).hasSize(4);
        // Double.compare: NaN equals NaN, and -0.0 differs from 0.0.
        assertThat(byCopy)
                .usingRecursiveComparison()
                .withComparatorForType(Double::compare, Double.class)
                .isEqualTo(byCursor);
        assertThat(byCopy.get(0).get("at"))
                .isEqualTo(Arrays.asList("a b", "with \"q\" and \\", null, "NULL", "", "{x}"));
    }

    static StagingType staging(String pgType) {
        int dims = pgType.endsWith("[]") ? 1 : 0;
        return TypeMappings.fromPostgres(pgType, null, dims);
    }

    @Test
    void readsEdgeValuesCanonically() throws Exception {
        List<Map<String, Object>> rows = readAll();
        Map<String, Object> r1 = rows.get(0);
        assertThat((Double) r1.get("f8")).isNaN();
        assertThat((Double) r1.get("f4")).isNaN();
        assertThat(r1.get("n")).isEqualTo("1234567890123456789012345678901234567890.0123456789");
        assertThat(r1.get("m")).isEqualTo("1234.56");
        assertThat(r1.get("b")).isEqualTo(true);
        assertThat(r1.get("c")).isEqualTo("A  ");
        assertThat(r1.get("u")).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(r1.get("j")).isEqualTo("{\"a\": 1,  \"a\":2}");
        assertThat(r1.get("jb")).isEqualTo("{\"a\":[1,2.50],\"b\":1}");
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat((byte[]) r1.get("by")).isEqualTo(all);
        assertThat(r1.get("d")).isEqualTo("-0043-03-15");
        assertThat(r1.get("tm")).isEqualTo("24:00:00");
        assertThat(r1.get("ttz")).isEqualTo("13:45:10.123456+05:30");
        assertThat(r1.get("ts")).isEqualTo("-0043-03-15 12:00:00");
        assertThat(r1.get("tstz")).isEqualTo("2024-01-15 04:30:00+00:00");
        assertThat(r1.get("iv")).isEqualTo("P1Y2M3DT4H5M6.5S");
        assertThat(r1.get("ai")).isEqualTo(Arrays.asList(1L, null, 3L));
        assertThat(r1.get("at")).isEqualTo(Arrays.asList("a b", "with \"q\" and \\", null, "NULL", "", "{x}"));
        assertThat(r1.get("a2")).isEqualTo(List.of(List.of(1L, 2L), List.of(3L, 4L)));
        List<?> ab = (List<?>) r1.get("ab");
        assertThat((byte[]) ab.get(0)).isEqualTo(new byte[] {0, (byte) 0xff});
        assertThat(ab.get(1)).isNull();
        assertThat(r1.get("adt")).isEqualTo(List.of("0000-01-01", "infinity"));
        assertThat(r1.get("ip")).isEqualTo("10.0.0.1/8");
        assertThat(r1.get("big")).isEqualTo(Long.MAX_VALUE);

        Map<String, Object> r2 = rows.get(1);
        assertThat(Double.doubleToRawLongBits((Double) r2.get("f8"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(r2.get("f4")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r2.get("n")).isEqualTo("Infinity");
        assertThat(r2.get("b")).isEqualTo(false);
        assertThat(r2.get("d")).isEqualTo("infinity");
        assertThat(r2.get("ttz")).isEqualTo("23:00:00-03:00");
        assertThat(r2.get("ts")).isEqualTo("-infinity");
        assertThat(r2.get("tstz")).isEqualTo("1969-07-20 20:17:40.000001+00:00");
        assertThat(r2.get("iv")).isEqualTo("P-1DT2H");
        assertThat(r2.get("ai")).isEqualTo(List.of());
        assertThat(r2.get("a2")).isEqualTo(List.of(7L, 8L));
        assertThat(r2.get("big")).isEqualTo(Long.MIN_VALUE);

        Map<String, Object> r3 = rows.get(2);
        assertThat(r3.get("n")).isEqualTo("-12.3400");
        assertThat(r3.get("f8")).isEqualTo(1e-300);
        assertThat((byte[]) r3.get("by")).isEmpty();
        assertThat(r3.get("tstz")).isEqualTo("0000-01-01 00:00:00+00:00");

        assertThat(rows.get(3).entrySet().stream().filter(e -> !e.getKey().equals("id")))
                .allMatch(e -> e.getValue() == null);
    }

    @Test
    void float4KeepsItsShortestText() throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            PostgresValues.prepareSession(c);
            try (ResultSet rs = s.executeQuery("select '24.1234567'::real::text")) {
                rs.next();
                assertThat(PostgresValues.fromText(
                                StagingType.of(dev.migrate.core.types.StagingKind.FLOAT32), rs.getString(1)))
                        .isEqualTo(24.123457);
            }
        }
    }

    @Test
    void refusesTextThatIsNotOfTheType() {
        assertThatThrownBy(() -> PostgresValues.fromText(staging("integer[]"), "{1,2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed array");
        assertThatThrownBy(() -> PostgresValues.fromText(staging("numeric"), "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected decimal");
    }
}
