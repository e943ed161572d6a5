package dev.migrate.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values as import-sqlite stores them, and common hand-made forms, read from a real SQLite file. */
class SqliteValuesTest {

    @TempDir
    Path dir;

    /** Stores each value in a column declared for the type, reads it back through SqliteValues. */
    private List<Object> roundTrip(StagingType type, Object... stored) throws Exception {
        List<Object> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists t");
                s.execute("create table t (v " + TypeMappings.toSqlite(type) + ")");
            }
            try (PreparedStatement p = c.prepareStatement("insert into t values (?)")) {
                for (Object v : stored) {
                    p.setObject(1, v);
                    p.executeUpdate();
                }
            }
            ColumnReader r = SqliteValues.INSTANCE.reader(type);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select " + SqliteValues.INSTANCE.selectExpression("v", type) + " from t order by rowid")) {
                while (rs.next()) {
                    out.add(r.read(rs, 1));
                }
            }
        }
        return out;
    }

    private static StagingType t(StagingKind k) {
        return StagingType.of(k);
    }

    @Test
    void numbers() throws Exception {
        assertThat(roundTrip(t(StagingKind.INT64), 9007199254740993L, Long.MIN_VALUE, "42", null))
                .containsExactly(9007199254740993L, Long.MIN_VALUE, 42L, null);
        assertThat(roundTrip(StagingType.decimal(12, 2), "12.50", "1234567890123456789012345678901234567890.5", "NaN"))
                .containsExactly("12.50", "1234567890123456789012345678901234567890.5", "NaN");
        // A REAL that reached a decimal column (hand-made file): its shortest exact text.
        assertThat(SqliteValues.fromStored(StagingType.decimal(null, null), 12.5))
                .isEqualTo("12.5");
        assertThat(SqliteValues.fromStored(StagingType.decimal(null, null), 1e20))
                .isEqualTo("100000000000000000000");
        assertThat(roundTrip(t(StagingKind.FLOAT64), 0.30000000000000004, Double.POSITIVE_INFINITY, "NaN", "-Infinity"))
                .containsExactly(0.30000000000000004, Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY);
        assertThat(roundTrip(t(StagingKind.FLOAT32), 24.123457)).containsExactly(24.123457);
    }

    @Test
    void canonicalUuidTextIsTakenAsItIsAndOtherFormsAreNormalised() {
        // The fast path and the regex path agree on the value they return.
        assertThat(SqliteValues.fromStored(t(StagingKind.UUID), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
                .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(SqliteValues.fromStored(t(StagingKind.UUID), " A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11 "))
                .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThatThrownBy(() -> SqliteValues.fromStored(t(StagingKind.UUID), "a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11"))
                .hasMessageContaining("expected a UUID");
    }

    @Test
    void booleansTextAndUuids() throws Exception {
        assertThat(roundTrip(t(StagingKind.BOOLEAN), 1, 0, "t", "false", "TRUE"))
                .containsExactly(true, false, true, false, true);
        assertThat(roundTrip(StagingType.character(3), "A  ", "007")).containsExactly("A  ", "007");
        assertThat(roundTrip(t(StagingKind.UUID), "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"))
                .containsExactly("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        byte[] raw = new byte[16];
        raw[15] = 1;
        assertThat(SqliteValues.fromStored(t(StagingKind.UUID), raw)).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(roundTrip(t(StagingKind.JSON), "{\"a\": 1,  \"a\":2}")).containsExactly("{\"a\": 1,  \"a\":2}");
        assertThat(roundTrip(t(StagingKind.JSONB), "{ \"b\" : [1, 2.50] }")).containsExactly("{\"b\":[1,2.50]}");
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat((byte[]) roundTrip(t(StagingKind.BYTES), (Object) all).get(0))
                .isEqualTo(all);
    }

    @Test
    void temporals() throws Exception {
        assertThat(roundTrip(t(StagingKind.DATE), "-0043-03-15", "infinity"))
                .containsExactly("-0043-03-15", "infinity");
        assertThat(roundTrip(t(StagingKind.TIME), "24:00:00")).containsExactly("24:00:00");
        assertThat(roundTrip(t(StagingKind.TIMETZ), "13:45:10+0530", "10:00:00Z"))
                .containsExactly("13:45:10+05:30", "10:00:00+00:00");
        assertThat(roundTrip(t(StagingKind.TIMESTAMP), "2024-01-15T10:00:00.5", "2024-01-15 10:00:00"))
                .containsExactly("2024-01-15 10:00:00.5", "2024-01-15 10:00:00");
        assertThat(roundTrip(
                        t(StagingKind.TIMESTAMPTZ),
                        "2024-01-15T10:00:00Z",
                        "2024-01-15 10:00:00+05:30",
                        "2024-01-15 10:00:00",
                        "-infinity"))
                .containsExactly(
                        "2024-01-15 10:00:00+00:00",
                        "2024-01-15 10:00:00+05:30",
                        "2024-01-15 10:00:00+00:00",
                        "-infinity");
        assertThat(roundTrip(t(StagingKind.INTERVAL), "P1DT-2H")).containsExactly("P1DT-2H");
    }

    @Test
    void arraysAreJsonText() throws Exception {
        StagingType ints = StagingType.array(t(StagingKind.INT32), 1);
        assertThat(roundTrip(ints, "[1,null,3]", "[]")).containsExactly(Arrays.asList(1L, null, 3L), List.of());
        StagingType texts = StagingType.array(t(StagingKind.TEXT), 2);
        assertThat(roundTrip(texts, "[[\"a\",\"NULL\"],[\"\",null]]"))
                .containsExactly(List.of(List.of("a", "NULL"), Arrays.asList("", null)));
    }

    @Test
    void refusesValuesWithoutALosslessForm() {
        assertThatThrownBy(() -> SqliteValues.fromStored(t(StagingKind.INT32), "abc"))
                .hasMessage("expected an integer, found abc");
        assertThatThrownBy(() -> SqliteValues.fromStored(t(StagingKind.BOOLEAN), 2L))
                .hasMessage("expected a boolean (0/1), found 2");
        assertThatThrownBy(() -> SqliteValues.fromStored(t(StagingKind.DATE), "2024-13-01"))
                .hasMessageContaining("expected a date");
        assertThatThrownBy(() -> SqliteValues.fromStored(t(StagingKind.TIMESTAMP), 1627303906122L))
                .hasMessageContaining("as ISO text");
        assertThatThrownBy(() -> SqliteValues.fromStored(t(StagingKind.UUID), "not-a-uuid"))
                .hasMessageContaining("expected a UUID");
        assertThatThrownBy(() -> SqliteValues.fromStored(t(StagingKind.JSONB), "{bad"))
                .hasMessageContaining("JSON");
        assertThatThrownBy(() -> SqliteValues.fromStored(t(StagingKind.TEXT), new byte[] {(byte) 0xff}))
                .hasMessageContaining("not UTF-8");
        // Blank text in an array column: a clear refusal, not the codec's NullPointerException.
        StagingType ints = StagingType.array(t(StagingKind.INT32), 1);
        assertThatThrownBy(() -> SqliteValues.fromStored(ints, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a JSON array for array<int32>, found  ");
        assertThatThrownBy(() -> SqliteValues.fromStored(ints, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected a JSON array");
    }

    /** The cell forms export-sqlite's profiling accepts, converted as export-sqlite writes them. */
    @Test
    void convertsEveryFormExportSqliteAccepts() {
        assertThat(SqliteValues.fromStored(StagingType.decimal(null, null), 2e23))
                .isEqualTo("200000000000000000000000");
        assertThat(SqliteValues.fromStored(StagingType.decimal(null, null), 0.1))
                .isEqualTo("0.1");
        assertThat(SqliteValues.fromStored(t(StagingKind.FLOAT64), SqliteValues.NEGATIVE_ZERO))
                .isEqualTo(-0.0);
        assertThat(SqliteValues.fromStored(t(StagingKind.FLOAT64), "NaN")).isEqualTo(Double.NaN);
        assertThat(SqliteValues.fromStored(t(StagingKind.TIME), "08:30")).isEqualTo("08:30:00");
        assertThat(SqliteValues.fromStored(t(StagingKind.TIMETZ), "12:00:00+05:53:28"))
                .isEqualTo("12:00:00+05:53:28");
        assertThat(SqliteValues.fromStored(t(StagingKind.TIMESTAMP), "2024-01-02"))
                .isEqualTo("2024-01-02 00:00:00");
        assertThat(SqliteValues.fromStored(t(StagingKind.TIMESTAMP), "2024-01-02T03:04"))
                .isEqualTo("2024-01-02 03:04:00");
        assertThat(SqliteValues.fromStored(t(StagingKind.TIMESTAMPTZ), "2024-01-02"))
                .isEqualTo("2024-01-02 00:00:00+00:00");
        assertThat(SqliteValues.fromStored(t(StagingKind.UUID), "A0EEBC999C0B4EF8BB6D6BB9BD380A11"))
                .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(SqliteValues.fromStored(t(StagingKind.TEXT), 1e20)).isEqualTo("1.0e+20");
        assertThat(SqliteValues.fromStored(t(StagingKind.TEXT), 12.0)).isEqualTo("12.0");
        assertThat(SqliteValues.fromStored(t(StagingKind.JSON), 1e20)).isEqualTo("100000000000000000000");
        assertThat((byte[]) SqliteValues.fromStored(t(StagingKind.BYTES), 1.5)).isEqualTo("1.5".getBytes());
        for (String b : List.of("t", "true", "T", "TRUE", "1")) {
            assertThat(SqliteValues.fromStored(t(StagingKind.BOOLEAN), b)).isEqualTo(true);
        }
        assertThatThrownBy(() -> SqliteValues.fromStored(t(StagingKind.TIMESTAMP), "2024-01-02 03:04:05+01:00"))
                .hasMessageContaining("without a UTC offset");
    }

    @Test
    void epochColumnsConvertIntegersOnly() {
        SqliteCell seconds = new SqliteCell().set(SqliteCell.StorageClass.INTEGER, 1_627_303_906L);
        SqliteCell millis = new SqliteCell().set(SqliteCell.StorageClass.INTEGER, 1_627_303_906_120L);
        StagingType tz = t(StagingKind.TIMESTAMPTZ);
        assertThat(SqliteValues.convert(tz, SqliteConversion.EPOCH_SECONDS, seconds))
                .isEqualTo("2021-07-26 12:51:46+00:00");
        assertThat(SqliteValues.convert(tz, SqliteConversion.EPOCH_MILLISECONDS, millis))
                .isEqualTo("2021-07-26 12:51:46.12+00:00");
        assertThat(SqliteValues.convert(t(StagingKind.DATE), SqliteConversion.EPOCH_SECONDS, seconds))
                .isEqualTo("2021-07-26");
        // Text in an epoch column (a SQLite file import-sqlite wrote from such an export) reads as text.
        SqliteCell text = new SqliteCell().set(SqliteCell.StorageClass.TEXT, "2021-07-26 12:51:46+00:00");
        assertThat(SqliteValues.convert(tz, SqliteConversion.EPOCH_SECONDS, text))
                .isEqualTo("2021-07-26 12:51:46+00:00");
        assertThatThrownBy(() -> SqliteValues.convert(tz, SqliteConversion.NONE, seconds))
                .hasMessageContaining("as ISO text");
    }

    @Test
    void invalidUtf8TextKeepsItsBytes() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("u.db"));
                Statement s = c.createStatement()) {
            s.execute("create table t (v)");
            s.execute("insert into t values (cast(x'66ff6f' as text)), ('café \uFFFD')");
            ColumnReader bytes = SqliteValues.INSTANCE.reader(t(StagingKind.BYTES), SqliteConversion.NONE);
            ColumnReader text = SqliteValues.INSTANCE.reader(t(StagingKind.TEXT));
            try (ResultSet rs = s.executeQuery("select v from t order by rowid")) {
                rs.next();
                assertThat((byte[]) bytes.read(rs, 1)).isEqualTo(new byte[] {0x66, (byte) 0xff, 0x6f});
                assertThatThrownBy(() -> text.read(rs, 1)).hasMessageContaining("not UTF-8");
                rs.next();
                assertThat(text.read(rs, 1)).isEqualTo("café \uFFFD");
            }
        }
    }

    @Test
    void conversionIsTheFirstWordOfTheNote() {
        assertThat(SqliteConversion.ofNote("epoch_seconds: every value is an integer epoch"))
                .isEqualTo(SqliteConversion.EPOCH_SECONDS);
        assertThat(SqliteConversion.ofNote(SqliteConversion.EPOCH_MILLISECONDS.note(null)))
                .isEqualTo(SqliteConversion.EPOCH_MILLISECONDS);
        assertThat(SqliteConversion.ofNote("no declared type; epoch_seconds: x"))
                .isEqualTo(SqliteConversion.NONE);
        assertThat(SqliteConversion.ofNote(null)).isEqualTo(SqliteConversion.NONE);
        assertThat(SqliteConversion.NONE.note("kept")).isEqualTo("kept");
    }
}
