package dev.migrate.core.types;

import static dev.migrate.core.types.StagingKind.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The edge values of every staging type: what an exporter hands in, the canonical value that comes
 * back, and the exact JSON text in a table file. Shared by the codec-level and the file-level
 * round-trip tests, so both prove the same table.
 */
public final class CodecCases {

    private CodecCases() {}

    /**
     * One value of one type.
     *
     * @param type the staging type
     * @param input what the exporter hands to the codec
     * @param canonical what {@code canonical(input)} and a read of the written JSON return
     * @param json the exact JSON text written, or null when not asserted
     */
    public record Case(StagingType type, Object input, Object canonical, String json) {
        @Override
        public String toString() {
            return type + " " + show(input);
        }
    }

    static String show(Object v) {
        if (v instanceof byte[] b) {
            return "bytes[" + b.length + "]";
        }
        String s = String.valueOf(v);
        return s.length() > 50 ? s.substring(0, 47) + "..." : s;
    }

    static Case c(StagingType t, Object input, Object canonical, String json) {
        return new Case(t, input, canonical, json);
    }

    /** Input already canonical. */
    static Case same(StagingType t, Object value, String json) {
        return new Case(t, value, value, json);
    }

    /** A string value already canonical, written as that JSON string. */
    static Case str(StagingType t, String value) {
        return new Case(t, value, value, quote(value));
    }

    /** JSON string literal of plain ASCII text without escapes (test data only). */
    static String quote(String s) {
        return "\"" + s + "\"";
    }

    static StagingType t(StagingKind k) {
        return StagingType.of(k);
    }

    public static final String DIGITS_40 = "1234567890123456789012345678901234567890";

    /** Every byte value 0x00..0xFF once. */
    public static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(integers());
        cases.addAll(decimals());
        cases.addAll(floats());
        cases.addAll(texts());
        cases.addAll(json());
        cases.addAll(bytesAndUuid());
        cases.addAll(temporal());
        cases.addAll(arrays());
        return cases;
    }

    static List<Case> integers() {
        return List.of(
                same(t(INT16), 0L, "0"),
                same(t(INT16), -32768L, "-32768"),
                same(t(INT16), 32767L, "32767"),
                c(t(INT16), (short) 7, 7L, "7"),
                c(t(INT16), (byte) -7, -7L, "-7"),
                same(t(INT32), -2147483648L, "-2147483648"),
                same(t(INT32), 2147483647L, "2147483647"),
                c(t(INT32), 42, 42L, "42"),
                same(t(INT64), Long.MIN_VALUE, "-9223372036854775808"),
                same(t(INT64), Long.MAX_VALUE, "9223372036854775807"),
                c(t(INT64), BigInteger.valueOf(Long.MAX_VALUE), Long.MAX_VALUE, "9223372036854775807"),
                same(t(BOOLEAN), true, "true"),
                same(t(BOOLEAN), false, "false"));
    }

    static List<Case> decimals() {
        StagingType any = StagingType.decimal(null, null);
        StagingType money = StagingType.decimal(10, 2);
        String forty = DIGITS_40;
        String fortyFraction = "0." + forty;
        return List.of(
                str(any, "0"),
                str(any, "12.50"),
                str(any, "12.5000000000"),
                str(any, "-0.000001"),
                str(any, forty),
                str(any, "-" + forty + "." + forty),
                str(any, fortyFraction),
                str(any, "NaN"),
                str(any, "Infinity"),
                str(any, "-Infinity"),
                c(any, new BigDecimal("12.50"), "12.50", "\"12.50\""),
                c(any, new BigDecimal("1E+3"), "1000", "\"1000\""),
                c(any, "1e3", "1000", "\"1000\""),
                c(any, "1.5E-7", "0.00000015", "\"0.00000015\""),
                c(any, "-0", "0", "\"0\""),
                c(any, "-0.00", "0.00", "\"0.00\""),
                c(any, "007.50", "7.50", "\"7.50\""),
                c(any, "+5", "5", "\"5\""),
                c(any, ".5", "0.5", "\"0.5\""),
                str(money, "12345678.90"),
                str(money, "-99999999.99"),
                str(money, "NaN"),
                // Trailing zeros beyond the scale lose nothing (PostgreSQL stores 12.50).
                str(money, "12.500"),
                str(StagingType.decimal(3, -2), "12300"),
                str(StagingType.decimal(2, 5), "0.00012"),
                str(StagingType.decimal(2, 5), "0"));
    }

    static List<Case> floats() {
        StagingType f64 = t(FLOAT64);
        StagingType f32 = t(FLOAT32);
        return List.of(
                same(f64, 0.0, "0.0"),
                same(f64, -0.0, "-0.0"),
                same(f64, 1.5, "1.5"),
                same(f64, 0.1, "0.1"),
                same(f64, Double.MIN_VALUE, "4.9E-324"),
                same(f64, Double.MAX_VALUE, "1.7976931348623157E308"),
                same(f64, -Double.MAX_VALUE, "-1.7976931348623157E308"),
                same(f64, 9007199254740993.0, "9.007199254740992E15"),
                same(f64, Double.NaN, "\"NaN\""),
                same(f64, Double.POSITIVE_INFINITY, "\"Infinity\""),
                same(f64, Double.NEGATIVE_INFINITY, "\"-Infinity\""),
                c(f64, 0.1f, 0.1, "0.1"),
                c(f32, 0.1f, 0.1, "0.1"),
                c(f32, (double) 0.1f, 0.1, "0.1"),
                same(f32, 0.1, "0.1"),
                c(f32, -0.0f, -0.0, "-0.0"),
                same(f32, -0.0, "-0.0"),
                c(f32, Float.MAX_VALUE, 3.4028235E38, "3.4028235E38"),
                c(f32, Float.MIN_VALUE, 1.4E-45, "1.4E-45"),
                c(f32, Float.NaN, Double.NaN, "\"NaN\""),
                c(f32, Float.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, "\"-Infinity\""));
    }

    static List<Case> texts() {
        StagingType text = t(TEXT);
        return List.of(
                same(text, "", "\"\""),
                same(text, "plain", "\"plain\""),
                same(text, "😀 𝄞", "\"😀 𝄞\""),
                same(text, "nul\u0000char", "\"nul\\u0000char\""),
                same(text, "quote\" backslash\\ slash/", "\"quote\\\" backslash\\\\ slash/\""),
                same(text, "line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\""),
                same(text, "\u0001\u001f\u007f\u2028\u2029", "\"\\u0001\\u001F\u007f\u2028\u2029\""),
                same(text, "accents: é ü ß, 日本語", "\"accents: é ü ß, 日本語\""),
                same(text, "x\"; DROP TABLE users; --", "\"x\\\"; DROP TABLE users; --\""),
                same(StagingType.varchar(3), "abc", "\"abc\""),
                // Three characters, six UTF-16 units: PostgreSQL counts characters.
                same(StagingType.varchar(3), "😀😀😀", "\"😀😀😀\""),
                same(StagingType.character(3), "ab ", "\"ab \""),
                same(StagingType.enumOf("mood"), "happy", "\"happy\""),
                same(StagingType.enumOf("mood"), "with space, and \"quote\"", "\"with space, and \\\"quote\\\"\""),
                same(StagingType.sourceText("inet"), "192.168.0.1/24", "\"192.168.0.1/24\""),
                same(StagingType.sourceText("point"), "(1.5,-2)", "\"(1.5,-2)\""));
    }

    static List<Case> json() {
        StagingType json = t(JSON);
        StagingType jsonb = t(JSONB);
        String duplicates = "{\"a\": 1,  \"a\" :2 ,\n\t\"b\":[ ]}";
        String bigNumbers = "{ \"big\" : 1e400, \"exact\": 12345678901234567890.123456789,"
                + " \"trailing\": 2.50, \"neg\": -0, \"s\": \"é 😀 \\u00e9\", \"nested\": {\"x\": [1, {\"y\": null}]} }";
        return List.of(
                same(json, duplicates, "\"{\\\"a\\\": 1,  \\\"a\\\" :2 ,\\n\\t\\\"b\\\":[ ]}\""),
                same(json, "  [1, 2]\n", "\"  [1, 2]\\n\""),
                same(json, "null", "\"null\""),
                same(json, "\"\"", "\"\\\"\\\"\""),
                c(
                        jsonb,
                        bigNumbers,
                        "{\"big\":1e400,\"exact\":12345678901234567890.123456789,\"trailing\":2.50,\"neg\":-0,"
                                + "\"s\":\"é 😀 é\",\"nested\":{\"x\":[1,{\"y\":null}]}}",
                        null),
                c(jsonb, " { \"a\" : 1 , \"a\" : 2 } ", "{\"a\":1,\"a\":2}", "\"{\\\"a\\\":1,\\\"a\\\":2}\""),
                // A jsonb null is a value, distinct from SQL NULL: it stays the text "null".
                same(jsonb, "null", "\"null\""),
                same(jsonb, "[]", "\"[]\""),
                same(jsonb, "\"text\"", "\"\\\"text\\\"\""),
                same(jsonb, "1E+2", "\"1E+2\""));
    }

    static List<Case> bytesAndUuid() {
        StagingType bytes = t(BYTES);
        StagingType uuid = t(UUID);
        return List.of(
                same(bytes, new byte[0], "\"\""),
                same(bytes, new byte[] {0}, "\"AA==\""),
                same(bytes, allBytes(), "\"" + Base64.getEncoder().encodeToString(allBytes()) + "\""),
                same(bytes, new byte[] {(byte) 0xfb, (byte) 0xff}, "\"+/8=\""),
                str(uuid, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                c(
                        uuid,
                        "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                        "\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\""),
                c(
                        uuid,
                        java.util.UUID.fromString("00000000-0000-0000-0000-000000000000"),
                        "00000000-0000-0000-0000-000000000000",
                        "\"00000000-0000-0000-0000-000000000000\""));
    }

    static List<Case> temporal() {
        StagingType date = t(DATE);
        StagingType time = t(TIME);
        StagingType timetz = t(TIMETZ);
        StagingType ts = t(TIMESTAMP);
        StagingType tstz = t(TIMESTAMPTZ);
        StagingType interval = t(INTERVAL);
        return List.of(
                str(date, "2024-02-29"),
                str(date, "0001-01-01"),
                str(date, "-0043-03-15"),
                str(date, "0000-01-01"),
                str(date, "0000-02-29"),
                str(date, "-4712-11-24"),
                str(date, "5874897-12-31"),
                str(date, "infinity"),
                str(date, "-infinity"),
                c(date, "+10000-01-01", "10000-01-01", "\"10000-01-01\""),
                str(time, "00:00:00"),
                str(time, "23:59:59.999999"),
                str(time, "24:00:00"),
                str(time, "12:34:56.000001"),
                c(time, "12:00:00.500", "12:00:00.5", "\"12:00:00.5\""),
                c(time, "12:00:00.000000", "12:00:00", "\"12:00:00\""),
                c(time, "24:00:00.000", "24:00:00", "\"24:00:00\""),
                str(StagingType.temporal(TIME, 3), "12:00:00.123"),
                c(StagingType.temporal(TIME, 0), "12:00:00.000", "12:00:00", "\"12:00:00\""),
                str(timetz, "12:00:00+05:30"),
                str(timetz, "12:00:00.123456-03:00"),
                str(timetz, "24:00:00-15:59"),
                str(timetz, "12:00:00+05:53:28"),
                c(timetz, "12:00:00Z", "12:00:00+00:00", "\"12:00:00+00:00\""),
                c(timetz, "12:00:00+05", "12:00:00+05:00", "\"12:00:00+05:00\""),
                c(timetz, "12:00:00-00:00", "12:00:00+00:00", "\"12:00:00+00:00\""),
                c(timetz, "12:00:00.10+05:30:00", "12:00:00.1+05:30", "\"12:00:00.1+05:30\""),
                str(ts, "2024-01-01 12:34:56.123456"),
                str(ts, "0001-01-01 00:00:00"),
                str(ts, "-0043-03-15 12:00:00"),
                str(ts, "294276-12-31 23:59:59.999999"),
                str(ts, "infinity"),
                str(ts, "-infinity"),
                c(ts, "2024-01-01 12:00:00.100000", "2024-01-01 12:00:00.1", "\"2024-01-01 12:00:00.1\""),
                str(tstz, "2024-01-01 12:34:56.123456+05:30"),
                str(tstz, "2024-01-01 12:34:56.000001-03:00"),
                str(tstz, "2024-01-01 00:00:00+00:00"),
                str(tstz, "-0043-03-15 12:00:00+00:00"),
                c(tstz, "2024-01-01 12:34:56.123456Z", "2024-01-01 12:34:56.123456+00:00", null),
                c(tstz, "2024-01-01 12:34:56+00", "2024-01-01 12:34:56+00:00", null),
                str(tstz, "infinity"),
                str(tstz, "-infinity"),
                str(interval, "P1Y2M3DT4H5M6.789S"),
                str(interval, "PT-1H"),
                str(interval, "P-1Y-2M"),
                str(interval, "PT0S"),
                str(interval, "P1D"),
                str(interval, "PT0.000001S"),
                str(interval, "PT-0.5S"),
                str(interval, "P1Y-2M3DT-4H5M-6.5S"),
                str(interval, "PT2562047788H54.775807S"),
                c(interval, "PT6.500S", "PT6.5S", "\"PT6.5S\""),
                c(interval, "P1DT6.000S", "P1DT6S", "\"P1DT6S\""));
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    static List<Case> arrays() {
        List<Case> cases = new ArrayList<>();
        StagingType ints = StagingType.array(t(INT32), 1);
        cases.add(c(ints, list(), list(), "[]"));
        cases.add(c(ints, list(1L, null, 3L), list(1L, null, 3L), "[1,null,3]"));
        cases.add(c(ints, list((Object) null), list((Object) null), "[null]"));
        cases.add(c(
                StagingType.array(t(INT32), 2),
                list(list(1, 2), list(3, null)),
                list(list(1L, 2L), list(3L, null)),
                "[[1,2],[3,null]]"));
        cases.add(c(
                StagingType.array(t(TEXT), 3),
                list(list(list("a"), list("b")), list(list("c"), list((Object) null))),
                list(list(list("a"), list("b")), list(list("c"), list((Object) null))),
                "[[[\"a\"],[\"b\"]],[[\"c\"],[null]]]"));
        cases.add(c(
                StagingType.array(t(TEXT), 1),
                list("a,b", "\"quoted\"", "{braces}", "", null, "NULL", "back\\slash", " space "),
                list("a,b", "\"quoted\"", "{braces}", "", null, "NULL", "back\\slash", " space "),
                "[\"a,b\",\"\\\"quoted\\\"\",\"{braces}\",\"\",null,\"NULL\",\"back\\\\slash\",\" space \"]"));
        // One array of every scalar kind, element canonicalisation included.
        for (Case scalar : scalars()) {
            StagingType arrayType = StagingType.array(scalar.type(), 1);
            String json = scalar.json() == null ? null : "[" + scalar.json() + ",null]";
            cases.add(c(arrayType, list(scalar.input(), null), list(scalar.canonical(), null), json));
        }
        return cases;
    }

    /** One representative value per scalar kind (for arrays of every kind). */
    static List<Case> scalars() {
        return List.of(
                c(t(INT16), (short) -1, -1L, "-1"),
                same(t(INT32), 1L, "1"),
                same(t(INT64), Long.MIN_VALUE, "-9223372036854775808"),
                c(StagingType.decimal(5, 2), "1.50", "1.50", "\"1.50\""),
                same(t(FLOAT32), -0.0, "-0.0"),
                same(t(FLOAT64), Double.NaN, "\"NaN\""),
                same(t(BOOLEAN), false, "false"),
                same(t(TEXT), "a,b", "\"a,b\""),
                same(StagingType.varchar(5), "{x}", "\"{x}\""),
                same(StagingType.character(2), "a ", "\"a \""),
                c(
                        t(UUID),
                        "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                        "\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\""),
                same(t(JSON), "{\"a\": 1}", "\"{\\\"a\\\": 1}\""),
                same(t(JSONB), "null", "\"null\""),
                same(t(BYTES), new byte[] {0, (byte) 0xff}, "\"AP8=\""),
                same(t(DATE), "-0043-03-15", "\"-0043-03-15\""),
                same(t(TIME), "24:00:00", "\"24:00:00\""),
                c(t(TIMETZ), "12:00:00Z", "12:00:00+00:00", "\"12:00:00+00:00\""),
                same(t(TIMESTAMP), "infinity", "\"infinity\""),
                same(t(TIMESTAMPTZ), "2024-01-01 00:00:00+05:30", "\"2024-01-01 00:00:00+05:30\""),
                same(t(INTERVAL), "PT-1H", "\"PT-1H\""),
                same(StagingType.enumOf("mood"), "sad", "\"sad\""),
                same(StagingType.sourceText("inet"), "::1", "\"::1\""));
    }
}
