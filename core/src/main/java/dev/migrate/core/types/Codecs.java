package dev.migrate.core.types;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The codec of every staging type. Parameterless kinds share one instance; parameterised ones
 * (integer ranges, decimal precision, text length, temporal precision, arrays) get one per
 * column. All JSON forms are specified in {@code docs/staging-format.md}.
 *
 * <p>Validation is never skipped, on write or on read: a value is checked once, by {@link
 * ValueCodec#canonical}, with hand-written scanners (no regex, no allocation when the value is
 * already canonical), so checking costs one pass over its characters. {@link
 * ValueCodec#writeCanonical} then writes it without checking again.
 */
public final class Codecs {

    private Codecs() {}

    /** The codec for a staging type. */
    public static ValueCodec forType(StagingType type) {
        return switch (type.kind()) {
            case INT16 -> INT16;
            case INT32 -> INT32;
            case INT64 -> INT64;
            case DECIMAL ->
                type.precision() == null
                        ? DECIMAL
                        : new DecimalCodec(type.precision(), type.scale() == null ? 0 : type.scale());
            case FLOAT32 -> FLOAT32;
            case FLOAT64 -> FLOAT64;
            case BOOLEAN -> BOOLEAN;
            case TEXT, ENUM, SOURCE_TEXT -> TEXT;
            case VARCHAR, CHAR -> type.length() == null ? TEXT : new TextCodec(type.length());
            case JSON -> JSON;
            case JSONB -> JSONB;
            case UUID -> UUID;
            case BYTES -> BYTES;
            case DATE -> DATE;
            case TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ ->
                type.precision() == null ? TEMPORAL.get(type.kind()) : new TemporalCodec(type.kind(), type.precision());
            case INTERVAL -> INTERVAL;
            case ARRAY -> new ArrayCodec(forType(type.element()));
        };
    }

    private static final ValueCodec INT16 = new IntegerCodec(Short.MIN_VALUE, Short.MAX_VALUE);
    private static final ValueCodec INT32 = new IntegerCodec(Integer.MIN_VALUE, Integer.MAX_VALUE);
    private static final ValueCodec INT64 = new IntegerCodec(Long.MIN_VALUE, Long.MAX_VALUE);
    private static final ValueCodec DECIMAL = new DecimalCodec(null, 0);
    private static final ValueCodec FLOAT32 = new FloatCodec(true);
    private static final ValueCodec FLOAT64 = new FloatCodec(false);
    private static final ValueCodec BOOLEAN = new BooleanCodec();
    private static final ValueCodec TEXT = new TextCodec(null);
    private static final ValueCodec JSON = new JsonCodec();
    private static final ValueCodec JSONB = new JsonbCodec();
    private static final ValueCodec UUID = new UuidCodec();
    private static final ValueCodec BYTES = new BytesCodec();
    private static final ValueCodec DATE = new TemporalCodec(StagingKind.DATE, null);
    private static final ValueCodec INTERVAL = new TemporalCodec(StagingKind.INTERVAL, null);
    private static final java.util.Map<StagingKind, ValueCodec> TEMPORAL = java.util.Map.of(
            StagingKind.TIME, new TemporalCodec(StagingKind.TIME, null),
            StagingKind.TIMETZ, new TemporalCodec(StagingKind.TIMETZ, null),
            StagingKind.TIMESTAMP, new TemporalCodec(StagingKind.TIMESTAMP, null),
            StagingKind.TIMESTAMPTZ, new TemporalCodec(StagingKind.TIMESTAMPTZ, null));

    /** "expected X, found Y" with Y shortened to 60 characters. */
    static IllegalArgumentException mismatch(String expected, Object found) {
        return new IllegalArgumentException("expected " + expected + ", found " + shown(found));
    }

    /** "expected X, found Y: reason". */
    static IllegalArgumentException mismatch(String expected, Object found, String reason) {
        return new IllegalArgumentException("expected " + expected + ", found " + shown(found) + ": " + reason);
    }

    /** "expected X, found Y" where Y describes the parser's current token. */
    static IllegalArgumentException mismatch(String expected, JsonParser parser) throws IOException {
        return new IllegalArgumentException("expected " + expected + ", found " + describe(parser));
    }

    /**
     * A Java value for an error message: strings quoted, anything else with its Java type
     * ("found 12 (Integer)" tells an exporter author what to fix), at most about 60 characters.
     */
    private static String shown(Object found) {
        if (found instanceof String str) {
            return "\"" + (str.length() > 57 ? str.substring(0, 54) + "..." : str) + "\"";
        }
        if (found == null) {
            return "null";
        }
        String s = String.valueOf(found);
        if (s.length() > 50) {
            s = s.substring(0, 47) + "...";
        }
        return s + " (" + found.getClass().getSimpleName() + ")";
    }

    /** The current token for an error message: strings quoted, numbers as written, else the token kind. */
    private static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String text = p.getText();
            return "\"" + (text.length() > 57 ? text.substring(0, 54) + "..." : text) + "\"";
        }
        if (t == JsonToken.START_OBJECT) {
            return "a JSON object";
        }
        if (t == JsonToken.START_ARRAY) {
            return "a JSON array";
        }
        return t.isScalarValue() ? p.getText() : t.asString();
    }

    private static String string(Object value, String expected) {
        if (value instanceof String s) {
            return s;
        }
        throw mismatch(expected, value);
    }

    /** The string at the parser's current token, or a mismatch. */
    private static String readString(JsonParser p, String expected) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw mismatch(expected + " as a JSON string", p);
        }
        return p.getText();
    }

    /**
     * Refuses text that is not valid Unicode: an unpaired UTF-16 surrogate cannot be encoded in
     * UTF-8, and a database driver would silently turn it into {@code ?}.
     */
    static void checkUnicode(String s, String expected) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw mismatch(
                            expected, s, "unpaired UTF-16 surrogate at index " + i + " (text is not valid Unicode)");
                }
            }
        }
    }

    // ------------------------------------------------------------------ integers

    private static final class IntegerCodec implements ValueCodec {
        private final long min;
        private final long max;
        private final String expected;

        IntegerCodec(long min, long max) {
            this.min = min;
            this.max = max;
            this.expected = "an integer in [" + min + ", " + max + "]";
        }

        @Override
        public void writeCanonical(JsonGenerator g, Object value) throws IOException {
            g.writeNumber((long) (Long) value);
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
                    || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw mismatch(expected, p);
            }
            long v = p.getLongValue();
            if (v < min || v > max) {
                throw mismatch(expected, p);
            }
            return v;
        }

        @Override
        public Object canonical(Object value) {
            long v;
            if (value instanceof Long l) {
                v = l;
            } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                v = ((Number) value).longValue();
                value = null;
            } else if (value instanceof BigInteger b && b.bitLength() < 64) {
                v = b.longValue();
                value = null;
            } else {
                throw mismatch(expected, value);
            }
            if (v < min || v > max) {
                throw mismatch(expected, v);
            }
            // The caller's Long itself when it already is one: no boxing per value.
            return value != null ? value : Long.valueOf(v);
        }
    }

    // ------------------------------------------------------------------ decimal

    /** A kind whose JSON form is a string holding its canonical text (decimals, text, temporals...). */
    private abstract static class StringFormCodec implements ValueCodec {
        final String expected;

        StringFormCodec(String expected) {
            this.expected = expected;
        }

        @Override
        public void writeCanonical(JsonGenerator g, Object value) throws IOException {
            g.writeString((String) value);
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            return canonical(readString(p, expected));
        }
    }

    private static final class DecimalCodec extends StringFormCodec {
        private final Integer precision;
        private final int scale;

        DecimalCodec(Integer precision, int scale) {
            super(precision == null ? "a decimal" : "a decimal(" + precision + "," + scale + ")");
            this.precision = precision;
            this.scale = scale;
        }

        @Override
        public Object canonical(Object value) {
            try {
                if (value instanceof BigDecimal b) {
                    return DecimalText.canonical(b, precision, scale);
                }
                if (value instanceof String s) {
                    return DecimalText.canonical(s, precision, scale);
                }
            } catch (IllegalArgumentException e) {
                throw mismatch(expected, value, e.getMessage());
            }
            throw mismatch(expected + " (String or BigDecimal)", value);
        }
    }

    // ------------------------------------------------------------------ float

    private static final class FloatCodec implements ValueCodec {
        private final boolean single;
        private final String expected;

        FloatCodec(boolean single) {
            this.single = single;
            this.expected = single ? "a float32 number" : "a float64 number";
        }

        @Override
        public void writeCanonical(JsonGenerator g, Object value) throws IOException {
            double d = (Double) value;
            if (Double.isNaN(d)) {
                g.writeString("NaN");
            } else if (Double.isInfinite(d)) {
                g.writeString(d > 0 ? "Infinity" : "-Infinity");
            } else {
                // Double.toString: the shortest text that parses back to the same double, sign of -0.0 kept.
                g.writeNumber(d);
            }
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> canonical(number(p));
                case VALUE_STRING ->
                    switch (p.getText()) {
                        case "NaN" -> Double.NaN;
                        case "Infinity" -> Double.POSITIVE_INFINITY;
                        case "-Infinity" -> Double.NEGATIVE_INFINITY;
                        default -> throw mismatch(expected + ", \"NaN\", \"Infinity\" or \"-Infinity\"", p);
                    };
                default -> throw mismatch(expected, p);
            };
        }

        /**
         * The JSON number as a double, refusing what a double cannot hold: Jackson would return
         * Infinity for {@code 1e400} and 0.0 for {@code 1e-400}, and +0.0 for the integer {@code -0}.
         */
        private Double number(JsonParser p) throws IOException {
            double d = p.getDoubleValue();
            if (d != 0 && !Double.isInfinite(d)) {
                return d;
            }
            String text = p.getText();
            if (Double.isInfinite(d)) {
                throw mismatch(expected, text, "outside the range of a float64");
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 'e' || c == 'E') {
                    break;
                }
                if (c >= '1' && c <= '9') {
                    throw mismatch(expected, text, "too small for a float64 (it would become 0)");
                }
            }
            return text.charAt(0) == '-' ? -0.0 : 0.0;
        }

        @Override
        public Object canonical(Object value) {
            if (value instanceof Double d) {
                return single ? toSingle(d) : d;
            }
            if (value instanceof Float f) {
                // Through the shortest decimal text, so 0.1f stays 0.1, not 0.10000000149011612.
                return f.isNaN() || f.isInfinite() ? Double.valueOf(f.doubleValue()) : Double.valueOf(f.toString());
            }
            throw mismatch(expected + " (Double or Float)", value);
        }

        /**
         * A float32 column's value, as the double of the float's shortest decimal text. Refuses a
         * double that a float32 cannot hold without rounding (the target would silently round it).
         */
        private Double toSingle(Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d;
            }
            float f = d.floatValue();
            if (Float.isInfinite(f) || (f == 0 && d != 0)) {
                throw mismatch(expected, d, "outside the range of a float32");
            }
            double shortest = Double.parseDouble(Float.toString(f));
            if (shortest == d) {
                return d;
            }
            if ((double) f == d) {
                return shortest; // a float widened to double: 0.10000000149011612 → 0.1
            }
            throw mismatch(expected, d, "more precision than a float32 holds");
        }
    }

    // ------------------------------------------------------------------ boolean

    private static final class BooleanCodec implements ValueCodec {
        @Override
        public void writeCanonical(JsonGenerator g, Object value) throws IOException {
            g.writeBoolean((Boolean) value);
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> throw mismatch("true or false", p);
            };
        }

        @Override
        public Object canonical(Object value) {
            if (value instanceof Boolean b) {
                return b;
            }
            throw mismatch("a boolean", value);
        }
    }

    // ------------------------------------------------------------------ strings

    /** text, varchar(n), char(n), enum, source_text: any valid Unicode string, at most {@code length} characters. */
    private static class TextCodec extends StringFormCodec {
        private final Integer length;

        TextCodec(Integer length) {
            this(length, length == null ? "text" : "text of at most " + length + " characters");
        }

        TextCodec(Integer length, String expected) {
            super(expected);
            this.length = length;
        }

        @Override
        public Object canonical(Object value) {
            String s = string(value, expected);
            checkUnicode(s, expected);
            // PostgreSQL counts characters (code points); UTF-16 length is an upper bound.
            if (length != null && s.length() > length && s.codePointCount(0, s.length()) > length) {
                throw mismatch(expected, s, s.codePointCount(0, s.length()) + " characters");
            }
            return s;
        }
    }

    /** json: the document's exact text, which must be valid JSON. */
    private static final class JsonCodec extends TextCodec {
        JsonCodec() {
            super(null, "JSON text");
        }

        @Override
        public Object canonical(Object value) {
            String s = (String) super.canonical(value);
            JsonText.validate(s);
            return s;
        }
    }

    /**
     * jsonb: compact JSON text, held in a JSON string. Not embedded as a JSON value: a jsonb
     * {@code null} must stay distinct from SQL NULL.
     */
    private static final class JsonbCodec extends TextCodec {
        JsonbCodec() {
            super(null, "JSON text");
        }

        @Override
        public Object canonical(Object value) {
            String compact = JsonText.compact(string(value, expected));
            checkUnicode(compact, expected);
            return compact;
        }
    }

    private static final class UuidCodec extends TextCodec {
        UuidCodec() {
            super(null, "a UUID (8-4-4-4-12 hex digits)");
        }

        @Override
        public Object canonical(Object value) {
            if (value instanceof java.util.UUID u) {
                return u.toString();
            }
            String s = string(value, expected);
            if (UuidText.isCanonical(s)) {
                return s; // what PostgreSQL prints and the staging files hold: one table-driven scan
            }
            if (s.length() != UuidText.LENGTH) {
                throw mismatch(expected, s);
            }
            boolean upper = false;
            for (int i = 0; i < UuidText.LENGTH; i++) {
                char c = s.charAt(i);
                if (i == 8 || i == 13 || i == 18 || i == 23) {
                    if (c != '-') {
                        throw mismatch(expected, s);
                    }
                } else if (c >= 'A' && c <= 'F') {
                    upper = true;
                } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                    throw mismatch(expected, s);
                }
            }
            return upper ? s.toLowerCase(Locale.ROOT) : s;
        }
    }

    /** date, time, timetz, timestamp, timestamptz, interval: canonical ISO text, see {@link TemporalText}. */
    private static final class TemporalCodec extends TextCodec {
        private final StagingKind kind;
        private final Integer precision;

        TemporalCodec(StagingKind kind, Integer precision) {
            super(null, (kind == StagingKind.INTERVAL ? "an " : "a ") + kind.jsonName() + " (" + form(kind) + ")");
            this.kind = kind;
            this.precision = precision == null || precision >= 6 ? null : precision;
        }

        private static String form(StagingKind kind) {
            return switch (kind) {
                case DATE -> "uuuu-MM-dd or ±infinity";
                case TIME -> "HH:mm:ss[.ffffff]";
                case TIMETZ -> "HH:mm:ss[.ffffff]±HH:MM";
                case TIMESTAMP -> "uuuu-MM-dd HH:mm:ss[.ffffff] or ±infinity";
                case TIMESTAMPTZ -> "uuuu-MM-dd HH:mm:ss[.ffffff]±HH:MM or ±infinity";
                default -> "ISO-8601 as PostgreSQL's iso_8601 style, e.g. P1Y2M3DT4H5M6.5S";
            };
        }

        @Override
        public Object canonical(Object value) {
            String s = string(value, expected);
            try {
                return switch (kind) {
                    case DATE -> TemporalText.canonicalDate(s);
                    case TIME -> TemporalText.canonicalTime(s, precision);
                    case TIMETZ -> TemporalText.canonicalTimetz(s, precision);
                    case TIMESTAMP -> TemporalText.canonicalTimestamp(s, precision);
                    case TIMESTAMPTZ -> TemporalText.canonicalTimestamptz(s, precision);
                    default -> TemporalText.canonicalInterval(s);
                };
            } catch (IllegalArgumentException e) {
                throw mismatch(expected, s, e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------ bytes

    private static final class BytesCodec implements ValueCodec {
        @Override
        public void writeCanonical(JsonGenerator g, Object value) throws IOException {
            // Jackson's default variant is RFC 4648 base64, padded, no line breaks (as Base64.getEncoder()).
            g.writeBinary((byte[]) value);
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            String text = readString(p, "base64");
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw mismatch("base64 (RFC 4648)", text, e.getMessage());
            }
        }

        @Override
        public Object canonical(Object value) {
            if (value instanceof byte[] b) {
                return b;
            }
            throw mismatch("bytes (byte[])", value);
        }
    }

    // ------------------------------------------------------------------ arrays

    /**
     * Arrays of any element kind, any number of dimensions (nested lists), NULL elements allowed.
     * A multi-dimensional array must be rectangular, as PostgreSQL requires.
     */
    private static final class ArrayCodec implements ValueCodec {
        private final ValueCodec element;

        ArrayCodec(ValueCodec element) {
            this.element = element;
        }

        @Override
        public void writeCanonical(JsonGenerator g, Object value) throws IOException {
            List<?> list = (List<?>) value;
            g.writeStartArray();
            for (Object item : list) {
                if (item == null) {
                    g.writeNull();
                } else if (item instanceof List<?>) {
                    writeCanonical(g, item);
                } else {
                    element.writeCanonical(g, item);
                }
            }
            g.writeEndArray();
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw mismatch("a JSON array", p);
            }
            List<Object> out = readList(p);
            checkShape(out);
            return out;
        }

        private List<Object> readList(JsonParser p) throws IOException {
            List<Object> out = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NULL) {
                    out.add(null);
                } else if (t == JsonToken.START_ARRAY) {
                    out.add(readList(p));
                } else {
                    out.add(element.read(p));
                }
            }
            return out;
        }

        @Override
        public Object canonical(Object value) {
            List<Object> out = canonicalList(value);
            checkShape(out);
            return out;
        }

        private List<Object> canonicalList(Object value) {
            if (!(value instanceof List<?> list)) {
                throw mismatch("an array (a java.util.List)", value);
            }
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(item == null ? null : item instanceof List<?> ? canonicalList(item) : element.canonical(item));
            }
            return out;
        }

        /**
         * Checks that every level holds either only sub-arrays of one size and depth, or only
         * elements and NULLs; returns the number of dimensions.
         */
        private static int checkShape(List<?> list) {
            int depth = -1;
            int size = -1;
            for (Object item : list) {
                int d;
                if (item instanceof List<?> sub) {
                    if (size >= 0 && sub.size() != size) {
                        throw jagged();
                    }
                    size = sub.size();
                    d = 1 + checkShape(sub);
                } else {
                    d = 1;
                }
                if (depth >= 0 && d != depth) {
                    throw jagged();
                }
                depth = d;
            }
            return depth < 0 ? 1 : depth;
        }

        private static IllegalArgumentException jagged() {
            return new IllegalArgumentException("expected a rectangular array: sub-arrays of one size and depth, "
                    + "no NULL or element beside a sub-array (PostgreSQL would refuse it)");
        }
    }
}
