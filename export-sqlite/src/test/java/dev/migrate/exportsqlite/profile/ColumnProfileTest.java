package dev.migrate.exportsqlite.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.canonical.SqliteCell;
import dev.migrate.core.canonical.SqliteCell.StorageClass;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.exportsqlite.catalog.SourceColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profiling rules, one value list at a time (the end-to-end tests run them on real files). */
class ColumnProfileTest {

    /** A TEXT value whose stored bytes are given (possibly invalid UTF-8). */
    record RawText(byte[] bytes) {}

    record Result(ColumnDecision decision, List<Object> values) {
        StagingType type() {
            return decision.type();
        }

        String note() {
            return decision.note();
        }
    }

    static Result profile(String declared, List<String> labels, Object... values) {
        SourceColumn column = new SourceColumn("c", declared, false, null, 0, 0, null, labels);
        ColumnProfile p = ColumnProfile.of(column, false);
        List<SqliteCell> cells = new ArrayList<>();
        int row = 0;
        for (Object v : values) {
            row++;
            SqliteCell c = cell(v);
            cells.add(c);
            int id = row;
            p.observe(c, () -> "id=" + id);
        }
        ColumnDecision d = p.decide();
        List<Object> out = new ArrayList<>();
        for (SqliteCell c : cells) {
            out.add(c.isNull() ? null : d.reading().convert(c));
        }
        return new Result(d, out);
    }

    static Result profile(String declared, Object... values) {
        return profile(declared, List.of(), values);
    }

    static SqliteCell cell(Object v) {
        SqliteCell c = new SqliteCell();
        if (v == null) {
            return c.set(StorageClass.NULL, null);
        }
        if (v instanceof Integer i) {
            return c.set(StorageClass.INTEGER, (long) i);
        }
        if (v instanceof Long l) {
            return c.set(StorageClass.INTEGER, l);
        }
        if (v instanceof Double d) {
            return c.set(StorageClass.REAL, d);
        }
        if (v instanceof String s) {
            return c.set(StorageClass.TEXT, s);
        }
        if (v instanceof RawText r) {
            return c.set(StorageClass.TEXT, r.bytes());
        }
        return c.set(StorageClass.BLOB, v);
    }

    @Test
    void integerIsInt32WhenEveryValueFitsElseInt64() {
        assertThat(profile("INTEGER", 1, 2, null, -2147483648L).type()).isEqualTo(StagingType.of(StagingKind.INT32));
        Result big = profile("INTEGER", 1, 5_000_000_000L);
        assertThat(big.type()).isEqualTo(StagingType.of(StagingKind.INT64));
        assertThat(big.note()).contains("int64 holds them").contains("5000000000 (integer) at id=2");
        assertThat(big.decision().warning()).isFalse();
    }

    @Test
    void integerColumnHoldingTextBecomesTextNamingTheFirstOffender() {
        Result r = profile("INTEGER", 10, "lots-of-it", 5);
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(r.values()).containsExactly("10", "lots-of-it", "5");
        assertThat(r.note())
                .contains("1 of 3 values does not fit int32")
                .contains("'lots-of-it' (text) at id=2")
                .contains("narrowest type that holds every value exactly");
        assertThat(r.decision().warning()).isTrue();
    }

    @Test
    void integerColumnHoldingRealsBecomesDecimal() {
        Result r = profile("INTEGER", 1, 2.32);
        assertThat(r.type()).isEqualTo(StagingType.decimal(null, null));
        assertThat(r.values()).containsExactly("1", "2.32");
    }

    @Test
    void smallintOverflowWidensWithAWarning() {
        Result r = profile("SMALLINT", 1, 40000);
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.INT32));
        assertThat(r.decision().warning()).isTrue();
    }

    @Test
    void booleansInEverySpellingAreRead() {
        Result r = profile("BOOLEAN", 0, 1, "t", "false", "TRUE", "F", null);
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.BOOLEAN));
        assertThat(r.values()).containsExactly(false, true, true, false, true, false, null);
        assertThat(r.note()).contains("2 as 0/1").contains("2 as 't'/'f'").contains("2 as 'true'/'false'");
        assertThat(r.decision().warning()).isTrue();
        assertThat(profile("BOOLEAN", 0, 1).note()).isNull();
    }

    @Test
    void booleanColumnWithOtherValuesFallsBack() {
        Result ints = profile("BOOLEAN", 0, 1, 2);
        assertThat(ints.type()).isEqualTo(StagingType.of(StagingKind.INT32));
        assertThat(ints.note()).contains("2 (integer) at id=3");
        Result texts = profile("BOOLEAN", "yes", "no");
        assertThat(texts.type()).isEqualTo(StagingType.of(StagingKind.TEXT));
    }

    @Test
    void decimalKeepsItsTypmodWhenEveryValueFits() {
        Result r = profile("NUMERIC(10,2)", 0.99, 12, "12.50", 1.98);
        assertThat(r.type()).isEqualTo(StagingType.decimal(10, 2));
        assertThat(r.values()).containsExactly("0.99", "12", "12.50", "1.98");
        assertThat(r.note()).contains("2 REAL values written as the shortest decimal");
    }

    @Test
    void decimalThatDoesNotFitLosesItsTypmodThenFallsBackToText() {
        Result r = profile("NUMERIC(10,2)", 1.5, 123456789012.25, 0.125);
        assertThat(r.type()).isEqualTo(StagingType.decimal(null, null));
        assertThat(r.values()).containsExactly("1.5", "123456789012.25", "0.125");
        assertThat(r.note())
                .contains("2 of 3 values do not fit decimal(10,2)")
                .contains("123456789012.25 (real) at id=2");
        assertThat(r.decision().warning()).isTrue();

        Result t = profile("DECIMAL(5,1)", 1, "n/a");
        assertThat(t.type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(t.values()).containsExactly("1", "n/a");
    }

    @Test
    void decimalSpecialValues() {
        assertThat(profile("NUMERIC", "NaN", Double.POSITIVE_INFINITY).values()).containsExactly("NaN", "Infinity");
        assertThat(profile("NUMERIC(5,2)", Double.POSITIVE_INFINITY).type()).isEqualTo(StagingType.decimal(null, null));
    }

    @Test
    void float4KeepsSinglePrecisionValuesAndWidensOtherwise() {
        Result r = profile("FLOAT4", 0.1, "NaN", "-Infinity", 1.5);
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.FLOAT32));
        assertThat(r.values()).containsExactly(0.1, Double.NaN, Double.NEGATIVE_INFINITY, 1.5);
        assertThat(profile("FLOAT4", 0.123456789).type()).isEqualTo(StagingType.of(StagingKind.FLOAT64));
    }

    @Test
    void invalidUtf8IsKeptAsBytesNeverReplaced() {
        byte[] bad = {'f', 'i', 'l', 'e', (byte) 0x96, 'n'};
        Result blob = profile("TEXT", "valid-file.txt", bad, "another");
        assertThat(blob.type()).isEqualTo(StagingType.of(StagingKind.BYTES));
        assertThat((byte[]) blob.values().get(1)).isEqualTo(bad);
        assertThat((byte[]) blob.values().get(0)).isEqualTo("valid-file.txt".getBytes(StandardCharsets.UTF_8));
        assertThat(blob.note()).contains("x'66696c65966e' (blob, 6 bytes) at id=2");

        Result text = profile("TEXT", "ok", new RawText(bad));
        assertThat(text.type()).isEqualTo(StagingType.of(StagingKind.BYTES));
        assertThat((byte[]) text.values().get(1)).isEqualTo(bad);
        assertThat(text.note()).contains("(text that is not valid UTF-8) at id=2");
    }

    @Test
    void genuineReplacementCharacterStaysText() {
        Result r = profile("TEXT", "a\uFFFDb");
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(r.values()).containsExactly("a\uFFFDb");
    }

    @Test
    void blobColumnHoldingTextIsText() {
        Result r = profile("BLOB", "JVBERi0xLjMK", "/9j/7AAR");
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(r.values()).containsExactly("JVBERi0xLjMK", "/9j/7AAR");
        assertThat(r.note()).contains("2 of 2 values do not fit bytes");
    }

    @Test
    void blobColumnMixingBinaryAndTextIsBytes() {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, 0};
        Result r = profile("BLOB", jpeg, "text");
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.BYTES));
        assertThat((byte[]) r.values().get(1)).isEqualTo("text".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void untypedColumnTakesTheNarrowestExactType() {
        assertThat(profile("", 1, 2).type()).isEqualTo(StagingType.of(StagingKind.INT32));
        assertThat(profile("", 1.5).type()).isEqualTo(StagingType.of(StagingKind.FLOAT64));
        assertThat(profile("", new byte[] {1}).type()).isEqualTo(StagingType.of(StagingKind.BYTES));
        assertThat(profile("", "a", 1).type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(profile("").type()).isEqualTo(StagingType.of(StagingKind.BYTES));
    }

    @Test
    void charKeepsItsLengthOnlyWhenNoValueWouldBePadded() {
        assertThat(profile("CHAR(2)", "US", "FR").type()).isEqualTo(StagingType.character(2));
        Result shorter = profile("CHAR(20)", "foo");
        assertThat(shorter.type()).isEqualTo(StagingType.varchar(20));
        assertThat(shorter.note()).contains("without the blank padding");
        assertThat(shorter.decision().warning()).isFalse();
        assertThat(profile("NVARCHAR(3)", "abcd").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(profile("VARCHAR(3)", "a\uD83D\uDE00c").type()).isEqualTo(StagingType.varchar(3));
    }

    @Test
    void uuidsAreLowercasedAndNoted() {
        Result r = profile("UUID", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc999c0b4ef8bb6d6bb9bd380a12");
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.UUID));
        assertThat(r.values())
                .containsExactly("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12");
        assertThat(r.note()).contains("1 uppercase UUID written in lowercase").contains("without hyphens");
        assertThat(profile("UUID", "not-a-uuid").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        byte[] raw = java.util.HexFormat.of().parseHex("a0eebc999c0b4ef8bb6d6bb9bd380a11");
        Result blob = profile("UUID", raw);
        assertThat(blob.values()).containsExactly("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(blob.note()).contains("1 16-byte BLOB read as UUIDs");
    }

    @Test
    void jsonOnlyWhenEveryValueIsValid() {
        Result ok = profile("JSONB TEXT", "{\"a\": [1, 2.50]}", "[]");
        assertThat(ok.type()).isEqualTo(StagingType.of(StagingKind.JSONB));
        assertThat(profile("JSON", "{\"a\":1}", "{oops").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(profile("JSON TEXT", " {\"a\" : 1, \"a\": 2} ").values()).containsExactly(" {\"a\" : 1, \"a\": 2} ");
    }

    @Test
    void enumLabelsComeFromTheCheck() {
        Result r = profile("CHART_TYPE ENUM TEXT", List.of("natal", "transit"), "natal", "transit");
        assertThat(r.type()).isEqualTo(StagingType.enumOf("chart_type"));
        assertThat(profile("CHART_TYPE ENUM TEXT", List.of("natal"), "natal", "other")
                        .type())
                .isEqualTo(StagingType.of(StagingKind.TEXT));
        Result noCheck = profile("CHART_TYPE ENUM TEXT", "natal");
        assertThat(noCheck.type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(noCheck.note()).contains("no CHECK (c IN (...))");
    }

    @Test
    void arraysParseThroughTheStagingCodec() {
        Result r = profile("INTEGER ARRAY", "[1,2,null]", "[]");
        assertThat(r.type()).isEqualTo(StagingType.array(StagingType.of(StagingKind.INT32), 1));
        assertThat(r.values()).containsExactly(java.util.Arrays.asList(1L, 2L, null), List.of());
        Result nested = profile("TEXT ARRAY", "[[\"a\",\"b\"],[\"c\",null]]");
        assertThat(nested.type()).isEqualTo(StagingType.array(StagingType.of(StagingKind.TEXT), 2));
        assertThat(profile("INTEGER ARRAY", "[1, 5000000000]").type())
                .isEqualTo(StagingType.array(StagingType.of(StagingKind.INT64), 1));
        assertThat(profile("TEXT ARRAY", "{a,b}").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
    }

    @Test
    void datetimeWithSpaceAndTSeparators() {
        Result r = profile("DATETIME", "2024-01-02 03:04:05", "2024-01-02T03:04:05.250", "2024-01-03");
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.TIMESTAMP));
        assertThat(r.values()).containsExactly("2024-01-02 03:04:05", "2024-01-02 03:04:05.25", "2024-01-03 00:00:00");
        assertThat(r.note()).contains("1 value with a 'T' separator").contains("1 value holding only a date");
    }

    @Test
    void datetimeWithOffsetsIsTimestamptzKeepingTheOffset() {
        Result r = profile("DATETIME", "2024-01-02T03:04:05Z", "2024-01-02 03:04:05+05:30");
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.TIMESTAMPTZ));
        assertThat(r.values()).containsExactly("2024-01-02 03:04:05+00:00", "2024-01-02 03:04:05+05:30");
    }

    @Test
    void mixedOffsetsAreTextExceptInTimestamptzColumns() {
        Result text = profile("DATETIME", "2024-01-02 03:04:05+01:00", "2024-01-02 03:04:05");
        assertThat(text.type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(text.note()).contains("never invented");
        Result tz = profile("TIMESTAMPTZ", "2024-01-02 03:04:05+01:00", "2024-01-02 03:04:05");
        assertThat(tz.type()).isEqualTo(StagingType.of(StagingKind.TIMESTAMPTZ));
        assertThat(tz.values()).containsExactly("2024-01-02 03:04:05+01:00", "2024-01-02 03:04:05+00:00");
        assertThat(tz.note()).contains("read as UTC");
    }

    @Test
    void epochColumnsConvertOnlyWhenConsistent() {
        Result s = profile("DATETIME", 1_627_303_906L, 1_600_000_000L);
        assertThat(s.type()).isEqualTo(StagingType.of(StagingKind.TIMESTAMPTZ));
        assertThat(s.values()).containsExactly("2021-07-26 12:51:46+00:00", "2020-09-13 12:26:40+00:00");
        assertThat(s.note()).contains("unit seconds");
        Result ms = profile("TIMESTAMP", 1_627_303_906_122L);
        assertThat(ms.values()).containsExactly("2021-07-26 12:51:46.122+00:00");
        assertThat(ms.note()).contains("unit milliseconds");
        Result mixedUnits = profile("DATETIME", 1_627_303_906L, 1_627_303_906_122L);
        assertThat(mixedUnits.type()).isEqualTo(StagingType.of(StagingKind.INT64));
        Result mixed = profile("DATETIME", 1_627_303_906L, "2024-01-01 00:00:00");
        assertThat(mixed.type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(mixed.note()).contains("mixes 1 integer").contains("1 ISO-8601 text");
        Result days = profile("DATE", 1_609_459_200L);
        assertThat(days.type()).isEqualTo(StagingType.of(StagingKind.DATE));
        assertThat(days.values()).containsExactly("2021-01-01");
    }

    @Test
    void datetimeOfDatesOnlyIsDate() {
        Result r = profile("DATETIME", "2016-07-04", "2016-07-05");
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.DATE));
        assertThat(r.decision().warning()).isFalse();
    }

    @Test
    void timeAndIntervalColumns() {
        assertThat(profile("TIME", "08:30", "23:59:59.5").values()).containsExactly("08:30:00", "23:59:59.5");
        assertThat(profile("TIMETZ", "08:30:00+02:00").type()).isEqualTo(StagingType.of(StagingKind.TIMETZ));
        assertThat(profile("INTERVAL", "P1Y2M3DT4H5M6.5S").type()).isEqualTo(StagingType.of(StagingKind.INTERVAL));
        assertThat(profile("INTERVAL", "1 day").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
    }

    @Test
    void affinityRuleIsNamed() {
        Result r = profile("intege", 1);
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.INT64));
        assertThat(r.note()).contains("SQLite affinity rule 1");
    }

    @Test
    void nulInTextIsWarned() {
        Result r = profile("TEXT", "a\0b");
        assertThat(r.type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(r.note()).contains("NUL characters");
        assertThat(r.decision().warning()).isTrue();
    }
}
