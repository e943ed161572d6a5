package dev.migrate.core.types;

import static dev.migrate.core.types.StagingKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import dev.migrate.core.staging.StagingJson;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values a codec must refuse, on the way in ({@code canonical}, as an exporter hands them) and on
 * the way out ({@code read}, as a table file holds them). Each refusal says what was expected and
 * why, so the caller only adds the location.
 */
class CodecRejectionTest {

    static StagingType t(StagingKind k) {
        return StagingType.of(k);
    }

    static Arguments bad(StagingType type, Object value, String messagePart) {
        return Arguments.of(type, value, messagePart);
    }

    static Stream<Arguments> badJavaValues() {
        return Stream.of(
                bad(t(INT16), 32768L, "[-32768, 32767]"),
                bad(t(INT16), -32769L, "[-32768, 32767]"),
                bad(t(INT32), 2147483648L, "[-2147483648, 2147483647]"),
                bad(t(INT32), -2147483649L, "[-2147483648, 2147483647]"),
                bad(t(INT64), BigInteger.ONE.shiftLeft(63), "an integer"),
                bad(t(INT64), "5", "found \"5\""),
                bad(t(INT64), 5.0, "Double"),
                bad(StagingType.decimal(null, null), "1,5", "not a decimal number"),
                bad(StagingType.decimal(null, null), "", "not a decimal number"),
                bad(StagingType.decimal(null, null), "nan", "not a decimal number"),
                bad(StagingType.decimal(null, null), " 1", "not a decimal number"),
                bad(StagingType.decimal(null, null), 1.5, "String or BigDecimal"),
                bad(StagingType.decimal(null, null), "1E+200000", "outside the range of a decimal"),
                bad(StagingType.decimal(5, 2), "123.456", "more fractional digits than decimal(5,2)"),
                bad(StagingType.decimal(5, 2), "1234.5", "too large for decimal(5,2)"),
                bad(StagingType.decimal(5, 2), "Infinity", "cannot hold Infinity"),
                bad(StagingType.decimal(3, -2), "12345", "more fractional digits"),
                bad(StagingType.decimal(2, 5), "0.0012", "too large"),
                bad(t(FLOAT64), 1.5f + "", "Double or Float"),
                bad(t(FLOAT64), 1L, "Double or Float"),
                bad(t(FLOAT32), 1e39, "outside the range of a float32"),
                bad(t(FLOAT32), 1e-50, "outside the range of a float32"),
                bad(t(FLOAT32), 0.123456789, "more precision than a float32 holds"),
                bad(t(BOOLEAN), "true", "a boolean"),
                bad(t(BOOLEAN), 1L, "a boolean"),
                bad(t(TEXT), 5L, "found 5 (Long)"),
                bad(t(TEXT), "lone \uD800 surrogate", "unpaired UTF-16 surrogate at index 5"),
                bad(t(TEXT), "reversed \uDE00\uD83D", "unpaired UTF-16 surrogate"),
                bad(StagingType.varchar(3), "abcd", "at most 3 characters"),
                bad(StagingType.character(1), "ab", "at most 1 characters"),
                bad(t(UUID), "a0eebc999c0b4ef8bb6d6bb9bd380a11", "a UUID"),
                bad(t(UUID), "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a UUID"),
                bad(t(UUID), "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a UUID"),
                bad(t(UUID), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a UUID"),
                bad(t(UUID), "a0eebc99_9c0b-4ef8-bb6d-6bb9bd380a11", "a UUID"),
                bad(t(UUID), "", "a UUID"),
                bad(t(JSON), "{\"a\":", "valid JSON"),
                bad(t(JSON), "", "a JSON value"),
                bad(t(JSON), "{} {}", "one JSON value"),
                bad(t(JSON), "{'a': 1}", "valid JSON"),
                bad(t(JSON), "NaN", "valid JSON"),
                bad(t(JSONB), "{a: 1}", "valid JSON"),
                bad(t(JSONB), "1 2", "one JSON value"),
                bad(t(JSONB), "\"\\uD800\"", "unpaired UTF-16 surrogate"),
                bad(t(BYTES), "AAAA", "byte[]"),
                bad(t(DATE), "2023-02-29", "day 29 does not exist"),
                bad(t(DATE), "1900-02-29", "day 29 does not exist"),
                bad(t(DATE), "2024-04-31", "day 31 does not exist"),
                bad(t(DATE), "2024-13-01", "month 13 does not exist"),
                bad(t(DATE), "2024-00-01", "month 0 does not exist"),
                bad(t(DATE), "2024-01-00", "day 0 does not exist"),
                bad(t(DATE), "24-01-01", "at least four digits"),
                bad(t(DATE), "2024-1-1", "two digits"),
                bad(t(DATE), "-0000-01-01", "0000, not -0000"),
                bad(t(DATE), "00100-01-01", "no leading zero"),
                bad(t(DATE), "+2024-01-01", "no + sign"),
                bad(t(DATE), "2024-01-01 00:00:00", "unexpected text"),
                bad(t(DATE), "0044-03-15 BC", "unexpected text"),
                bad(t(DATE), "Infinity", "four digits"),
                bad(t(DATE), "12345678-01-01", "too many digits"),
                bad(t(TIME), "24:00:01", "nothing is later than 24:00:00"),
                bad(t(TIME), "24:00:00.000001", "nothing is later than 24:00:00"),
                bad(t(TIME), "25:00:00", "out of range"),
                bad(t(TIME), "12:60:00", "out of range"),
                bad(t(TIME), "12:00:60", "out of range"),
                bad(t(TIME), "12:00", "HH:MM:SS"),
                bad(t(TIME), "12:00:00.", "1 to 6 digits"),
                bad(t(TIME), "12:00:00.1234567", "1 to 6 digits"),
                bad(t(TIME), "12:00:00+01:00", "unexpected text"),
                bad(StagingType.temporal(TIME, 3), "12:00:00.1234", "declared precision 3"),
                bad(StagingType.temporal(TIME, 0), "12:00:00.5", "declared precision 0"),
                bad(t(TIMETZ), "12:00:00", "offset is missing"),
                bad(t(TIMETZ), "12:00:00+16:00", "offset out of range"),
                bad(t(TIMETZ), "12:00:00+05:60", "offset out of range"),
                bad(t(TIMETZ), "12:00:00+5:30", "two digits"),
                bad(t(TIMETZ), "12:00:00 +05:30", "+HH:MM"),
                bad(t(TIMETZ), "12:00:00+0530", "+HH:MM"),
                bad(t(TIMETZ), "12:00:00z", "+HH:MM"),
                bad(t(TIMESTAMP), "2024-01-01T12:00:00", "one space"),
                bad(t(TIMESTAMP), "2024-01-01  12:00:00", "two digits"),
                bad(t(TIMESTAMP), "2024-01-01 24:00:00", "only a time of day"),
                bad(t(TIMESTAMP), "2024-01-01 12:00:00+00:00", "no offset in a timestamp without time zone"),
                bad(t(TIMESTAMP), "2024-01-01", "one space"),
                bad(t(TIMESTAMP), "2024-02-30 00:00:00", "day 30 does not exist"),
                bad(t(TIMESTAMP), "Infinity", "four digits"),
                bad(StagingType.temporal(TIMESTAMP, 0), "2024-01-01 00:00:00.5", "declared precision 0"),
                bad(t(TIMESTAMPTZ), "2024-01-01 12:00:00", "offset is missing"),
                bad(t(TIMESTAMPTZ), "2024-01-01 12:00:00 UTC", "+HH:MM"),
                bad(t(INTERVAL), "P", "at least one field"),
                bad(t(INTERVAL), "PT", "T must be followed"),
                bad(t(INTERVAL), "", "starts with P"),
                bad(t(INTERVAL), "1 day", "starts with P"),
                bad(t(INTERVAL), "P1H", "Y, M, D"),
                bad(t(INTERVAL), "PT1D", "H, M, S"),
                bad(t(INTERVAL), "P1M1Y", "Y, M, D"),
                bad(t(INTERVAL), "P1Y1Y", "Y, M, D"),
                bad(t(INTERVAL), "PT1S1M", "H, M, S"),
                bad(t(INTERVAL), "P1.5Y", "only seconds may have a fraction"),
                bad(t(INTERVAL), "PT1.5M", "only seconds may have a fraction"),
                bad(t(INTERVAL), "PT1.1234567S", "1 to 6 digits"),
                bad(t(INTERVAL), "P1W", "Y, M, D"),
                bad(t(INTERVAL), "P-Y", "needs digits"),
                bad(t(INTERVAL), "p1y", "starts with P"),
                bad(t(INTERVAL), "P1Y ", "needs digits"),
                bad(StagingType.array(t(INT32), 1), 5L, "a java.util.List"),
                bad(StagingType.array(t(INT32), 1), List.of(1L, "x"), "found \"x\""),
                bad(StagingType.array(t(INT32), 2), List.of(List.of(1L), List.of(1L, 2L)), "rectangular"),
                bad(StagingType.array(t(INT32), 2), Arrays.asList(List.of(1L), null), "rectangular"),
                bad(StagingType.array(t(INT32), 2), List.of(List.of(1L), 2L), "rectangular"),
                bad(StagingType.array(t(INT32), 2), List.of(List.of(List.of(1L)), List.of(2L)), "rectangular"),
                bad(StagingType.array(t(UUID), 1), List.of("nope"), "a UUID"));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("badJavaValues")
    void canonicalRefuses(StagingType type, Object value, String messagePart) {
        ValueCodec codec = Codecs.forType(type);
        assertThatThrownBy(() -> codec.canonical(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected ")
                .hasMessageContaining(messagePart);
        assertThatThrownBy(() -> codec.write(StagingJson.FACTORY.createGenerator(java.io.Writer.nullWriter()), value))
                .as("write checks too")
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> badJson() {
        return Stream.of(
                bad(t(INT16), "32768", "[-32768, 32767]"),
                bad(t(INT32), "2147483648", "[-2147483648, 2147483647]"),
                bad(t(INT64), "9223372036854775808", "found 9223372036854775808"),
                bad(t(INT64), "-9223372036854775809", "found -9223372036854775809"),
                bad(t(INT64), "1.0", "found 1.0"),
                bad(t(INT64), "1e3", "found 1e3"),
                bad(t(INT64), "\"1\"", "found \"1\""),
                bad(t(INT64), "true", "found true"),
                bad(t(INT64), "{}", "found a JSON object"),
                bad(t(INT64), "[]", "found a JSON array"),
                bad(StagingType.decimal(null, null), "12.5", "as a JSON string, found 12.5"),
                bad(StagingType.decimal(null, null), "\"12,5\"", "not a decimal number"),
                bad(StagingType.decimal(4, 2), "\"123.4\"", "too large for decimal(4,2)"),
                bad(t(FLOAT64), "1e400", "outside the range of a float64"),
                bad(t(FLOAT64), "-1e400", "outside the range of a float64"),
                bad(t(FLOAT64), "1e-400", "too small for a float64"),
                bad(t(FLOAT64), "\"nan\"", "\"NaN\", \"Infinity\" or \"-Infinity\""),
                bad(t(FLOAT64), "\"1.5\"", "\"NaN\""),
                bad(t(FLOAT64), "true", "a float64 number"),
                bad(t(FLOAT32), "3.5e38", "outside the range of a float32"),
                bad(t(FLOAT32), "0.123456789", "more precision than a float32"),
                bad(t(BOOLEAN), "1", "true or false"),
                bad(t(BOOLEAN), "\"true\"", "true or false"),
                bad(t(TEXT), "5", "text as a JSON string, found 5"),
                bad(t(TEXT), "[\"a\"]", "found a JSON array"),
                bad(t(TEXT), "\"\\uD800\"", "unpaired UTF-16 surrogate"),
                bad(StagingType.varchar(2), "\"abc\"", "at most 2 characters"),
                bad(StagingType.enumOf("mood"), "1", "as a JSON string"),
                bad(StagingType.sourceText("inet"), "{}", "as a JSON string"),
                bad(t(UUID), "\"A0EEBC99-9C0B-4EF8-BB6D\"", "a UUID"),
                bad(t(JSON), "{\"a\":1}", "JSON text as a JSON string, found a JSON object"),
                bad(t(JSON), "\"{\"", "valid JSON"),
                bad(t(JSONB), "{\"a\":1}", "JSON text as a JSON string, found a JSON object"),
                bad(t(JSONB), "\"{a:1}\"", "valid JSON"),
                bad(t(BYTES), "\"***\"", "base64"),
                bad(t(BYTES), "\"AA AA\"", "base64"),
                bad(t(BYTES), "[0,1]", "base64 as a JSON string"),
                bad(t(DATE), "\"2023-02-30\"", "day 30 does not exist"),
                bad(t(DATE), "20230101", "as a JSON string"),
                bad(t(TIME), "\"24:00:01\"", "nothing is later"),
                bad(t(TIMETZ), "\"12:00:00\"", "offset is missing"),
                bad(t(TIMESTAMP), "\"2024-01-01T00:00:00\"", "one space"),
                bad(t(TIMESTAMPTZ), "1704067200", "as a JSON string"),
                bad(t(INTERVAL), "\"1 day\"", "starts with P"),
                bad(StagingType.array(t(INT32), 1), "\"{1,2}\"", "a JSON array"),
                bad(StagingType.array(t(INT32), 1), "[1,\"2\"]", "found \"2\""),
                bad(StagingType.array(t(INT32), 2), "[[1],[2,3]]", "rectangular"),
                bad(StagingType.array(t(INT32), 2), "[[1],null]", "rectangular"),
                bad(StagingType.array(t(INT32), 1), "[{}]", "found a JSON object"));
    }

    @ParameterizedTest(name = "{0} refuses JSON {1}")
    @MethodSource("badJson")
    void readRefuses(StagingType type, String json, String messagePart) throws IOException {
        ValueCodec codec = Codecs.forType(type);
        try (JsonParser p = StagingJson.FACTORY.createParser(json)) {
            p.nextToken();
            assertThatThrownBy(() -> codec.read(p))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("expected ")
                    .hasMessageContaining(messagePart);
        }
    }

    @Test
    void longValuesInErrorMessagesAreShortened() {
        String huge = "x".repeat(10_000);
        assertThatThrownBy(() -> Codecs.forType(t(DATE)).canonical(huge))
                .hasMessageContaining("xxx...")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void canonicalReturnsTheSameInstanceWhenAlreadyCanonical() {
        // No allocation on the hot path for values an exporter already produced canonically.
        for (var c : CodecCases.all()) {
            if (c.input() instanceof String s
                    && s.equals(c.canonical())
                    && c.type().kind() != JSONB) {
                assertThat(Codecs.forType(c.type()).canonical(s))
                        .as(c.toString())
                        .isSameAs(s);
            }
        }
        Long big = 1_000_000_000_000L;
        assertThat(Codecs.forType(t(INT64)).canonical(big)).isSameAs(big);
        Double d = 2.5;
        assertThat(Codecs.forType(t(FLOAT64)).canonical(d)).isSameAs(d);
    }
}
