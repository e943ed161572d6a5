package dev.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which values count as the same across dialects, and which do not. */
class ComparableEncoderTest {

    private static byte[] enc(StagingType type, Object v) {
        ComparableEncoder e = new ComparableEncoder();
        e.value(type, v);
        return e.toBytes();
    }

    private static void same(StagingKind kind, Object a, Object b) {
        assertThat(enc(StagingType.of(kind), a)).as(a + " = " + b).isEqualTo(enc(StagingType.of(kind), b));
    }

    private static void different(StagingKind kind, Object a, Object b) {
        assertThat(enc(StagingType.of(kind), a)).as(a + " != " + b).isNotEqualTo(enc(StagingType.of(kind), b));
    }

    @Test
    void equivalences() {
        same(StagingKind.DECIMAL, "12.5", "12.50");
        same(StagingKind.DECIMAL, "0", "-0.00");
        different(StagingKind.DECIMAL, "12.5", "12.05");
        different(StagingKind.DECIMAL, "NaN", "0");
        same(StagingKind.FLOAT64, -0.0, 0.0);
        same(StagingKind.FLOAT64, Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L));
        different(StagingKind.FLOAT64, 0.1, 0.30000000000000004);
        same(StagingKind.FLOAT32, 24.123457, 24.1234567);
        same(StagingKind.CHAR, "A  ", "A");
        different(StagingKind.TEXT, "A  ", "A");
        same(StagingKind.UUID, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        same(StagingKind.TIMESTAMPTZ, "2024-01-15 10:00:00+05:30", "2024-01-15 04:30:00+00:00");
        same(StagingKind.TIMESTAMPTZ, "2024-01-15 04:30:00.500+00:00", "2024-01-15 04:30:00.5+00:00");
        different(StagingKind.TIMESTAMPTZ, "2024-01-15 10:00:00+05:30", "2024-01-15 10:00:00+00:00");
        same(StagingKind.TIMETZ, "10:00:00Z", "10:00:00+00:00");
        different(StagingKind.TIMETZ, "10:00:00+01:00", "09:00:00+00:00"); // a timetz keeps its offset
        same(StagingKind.TIME, "24:00:00.000", "24:00:00");
        same(StagingKind.JSONB, "{\"b\": 1, \"a\": [1, 1e2]}", "{\"a\":[1,100],\"b\":1}");
        same(StagingKind.JSONB, "{\"a\": 1, \"a\": 2}", "{\"a\":2}");
        different(StagingKind.JSONB, "{\"a\": 2.50}", "{\"a\": 2.5}");
        different(StagingKind.JSONB, "{\"a\": \"1\"}", "{\"a\": 1}");
        different(StagingKind.JSONB, "null", "\"null\"");
        different(StagingKind.JSON, "{\"a\": 1,  \"a\":2}", "{\"a\":2}"); // json keeps its exact text
        different(StagingKind.TEXT, "ab", "a");
    }

    /**
     * A jsonb value read as bytes ({@link Utf8Json}) encodes exactly as its text does, also when
     * it is not JSON, and stands for its text in reports and rules.
     */
    @Test
    void jsonbBytesAreTheirText() {
        StagingType jsonb = StagingType.of(StagingKind.JSONB);
        for (String text : List.of(
                "{\"b\": \"ünï ☉ 😀 \uFFFD\", \"a\": [1, 1e2]}",
                "{\"a\": \"\\u00e9\\ud83d\\ude00\\u001f\"}",
                "12.50",
                "{bad é",
                "")) {
            Utf8Json bytes = Utf8Json.ifValid(text.getBytes(StandardCharsets.UTF_8));
            assertThat(enc(jsonb, bytes)).as(text).isEqualTo(enc(jsonb, text));
            assertThat(bytes.toString()).isEqualTo(text);
            assertThat(DiffFinder.show(bytes)).isEqualTo(text);
        }
        assertThat(enc(jsonb, Utf8Json.ifValid("{\"a\": \"é\"}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(enc(jsonb, "{\"a\":\"é\"}"))
                .isNotEqualTo(enc(jsonb, "{\"a\": \"è\"}"));
        assertThat(Utf8Json.ifValid(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}))
                .as("an encoded surrogate is not UTF-8")
                .isNull();
        StagingType array = StagingType.array(jsonb, 1);
        assertThat(enc(array, List.of(Utf8Json.ifValid("[1]".getBytes(StandardCharsets.UTF_8)))))
                .isEqualTo(enc(array, List.of("[ 1 ]")));
    }

    @Test
    void arraysAndNullsAreUnambiguous() {
        StagingType texts = StagingType.array(StagingType.of(StagingKind.TEXT), 1);
        assertThat(enc(texts, Arrays.asList("a", null))).isNotEqualTo(enc(texts, Arrays.asList("a", "NULL")));
        assertThat(enc(texts, List.of("a,b"))).isNotEqualTo(enc(texts, List.of("a", "b")));
        assertThat(enc(texts, List.of(List.of("a")))).isNotEqualTo(enc(texts, List.of("a")));
        assertThat(enc(StagingType.of(StagingKind.TEXT), null)).isNotEqualTo(enc(StagingType.of(StagingKind.TEXT), ""));
        assertThat(enc(StagingType.of(StagingKind.TEXT), new Unreadable("x")))
                .isNotEqualTo(enc(StagingType.of(StagingKind.TEXT), "x"));
    }
}
