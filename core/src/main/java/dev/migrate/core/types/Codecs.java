package dev.migrate.core.types;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The codec of every staging type. One instance per kind for scalars; arrays compose their
 * element's codec. All JSON forms are documented in {@code docs/staging-format.md}.
 */
public final class Codecs {

    private Codecs() {}

    /** The codec for a staging type. */
    public static ValueCodec forType(StagingType type) {
        return switch (type.kind()) {
            case INT16 -> new IntegerCodec(Short.MIN_VALUE, Short.MAX_VALUE);
            case INT32 -> new IntegerCodec(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64 -> new IntegerCodec(Long.MIN_VALUE, Long.MAX_VALUE);
            case DECIMAL -> DECIMAL;
            case FLOAT32, FLOAT64 -> FLOAT;
            case BOOLEAN -> BOOLEAN;
            case TEXT, VARCHAR, CHAR, JSON, ENUM, SOURCE_TEXT -> TEXT;
            case UUID -> UUID;
            case JSONB -> JSONB;
            case BYTES -> BYTES;
            case DATE -> new PatternCodec("date", DATE_FORM);
            case TIME -> new PatternCodec("time", TIME_FORM);
            case TIMETZ -> new PatternCodec("timetz", TIMETZ_FORM);
            case TIMESTAMP -> new PatternCodec("timestamp", TIMESTAMP_FORM);
            case TIMESTAMPTZ -> new PatternCodec("timestamptz", TIMESTAMPTZ_FORM);
            case INTERVAL -> new PatternCodec("interval", INTERVAL_FORM);
            case ARRAY -> new ArrayCodec(forType(type.element()));
        };
    }

    // ---- canonical text forms (see StagingKind); one regex each, checked on read and write ----

    private static final String YEAR = "-?\\d{4,}";
    private static final String FRACTION = "(\\.\\d{1,6})?";
    private static final String CLOCK = "(([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d" + FRACTION + "|24:00:00(\\.0{1,6})?)";
    private static final String OFFSET = "(Z|[+-]\\d{2}:\\d{2}(:\\d{2})?)";
    private static final String DAY = YEAR + "-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])";
    private static final String INFINITY = "infinity|-infinity";

    static final Pattern DATE_FORM = Pattern.compile(DAY + "|" + INFINITY);
    static final Pattern TIME_FORM = Pattern.compile(CLOCK);
    static final Pattern TIMETZ_FORM = Pattern.compile(CLOCK + OFFSET);
    static final Pattern TIMESTAMP_FORM = Pattern.compile(DAY + " " + CLOCK + "|" + INFINITY);
    static final Pattern TIMESTAMPTZ_FORM = Pattern.compile(DAY + " " + CLOCK + OFFSET + "|" + INFINITY);
    /** PostgreSQL's iso_8601 IntervalStyle: signed components, fraction only on seconds. */
    static final Pattern INTERVAL_FORM =
            Pattern.compile("P(-?\\d+Y)?(-?\\d+M)?(-?\\d+D)?(T(-?\\d+H)?(-?\\d+M)?(-?\\d+(\\.\\d{1,6})?S)?)?");

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final ValueCodec DECIMAL = new DecimalCodec();
    private static final ValueCodec FLOAT = new FloatCodec();
    private static final ValueCodec BOOLEAN = new BooleanCodec();
    private static final ValueCodec TEXT = new TextCodec();
    private static final ValueCodec UUID = new UuidCodec();
    private static final ValueCodec JSONB = new JsonbCodec();
    private static final ValueCodec BYTES = new BytesCodec();

    static IllegalArgumentException mismatch(String expected, Object found) {
        String shown = String.valueOf(found);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new IllegalArgumentException("expected " + expected + ", found " + shown);
    }

    static IllegalArgumentException mismatch(String expected, JsonParser parser) throws IOException {
        JsonToken t = parser.currentToken();
        String found = t == JsonToken.VALUE_STRING
                ? "\"" + parser.getText() + "\""
                : t.isScalarValue() ? parser.getText() : t.asString();
        return mismatch(expected, found);
    }

    private static final class IntegerCodec implements ValueCodec {
        private final long min;
        private final long max;

        IntegerCodec(long min, long max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public void write(JsonGenerator g, Object value) throws IOException {
            g.writeNumber((long) canonical(value));
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
                    || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw mismatch("an integer in [" + min + ", " + max + "]", p);
            }
            return canonical(p.getLongValue());
        }

        @Override
        public Object canonical(Object value) {
            if (!(value instanceof Long
                    || value instanceof Integer
                    || value instanceof Short
                    || value instanceof Byte)) {
                throw mismatch("an integer", value);
            }
            long v = ((Number) value).longValue();
            if (v < min || v > max) {
                throw mismatch("an integer in [" + min + ", " + max + "]", value);
            }
            return v;
        }
    }

    private static final class DecimalCodec implements ValueCodec {
        @Override
        public void write(JsonGenerator g, Object value) throws IOException {
            g.writeString((String) canonical(value));
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw mismatch("a decimal as a JSON string", p);
            }
            return canonical(p.getText());
        }

        @Override
        public Object canonical(Object value) {
            if (value instanceof BigDecimal b) {
                return b.toPlainString();
            }
            if (!(value instanceof String s)) {
                throw mismatch("a decimal", value);
            }
            if (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity")) {
                return s;
            }
            try {
                // Plain notation keeps every digit and the scale (12.50 stays 12.50).
                return new BigDecimal(s).toPlainString();
            } catch (NumberFormatException e) {
                throw mismatch("a decimal", s);
            }
        }
    }

    private static final class FloatCodec implements ValueCodec {
        @Override
        public void write(JsonGenerator g, Object value) throws IOException {
            double d = (double) canonical(value);
            if (Double.isNaN(d)) {
                g.writeString("NaN");
            } else if (Double.isInfinite(d)) {
                g.writeString(d > 0 ? "Infinity" : "-Infinity");
            } else {
                g.writeNumber(d);
            }
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> p.getDoubleValue();
                case VALUE_STRING ->
                    switch (p.getText()) {
                        case "NaN" -> Double.NaN;
                        case "Infinity" -> Double.POSITIVE_INFINITY;
                        case "-Infinity" -> Double.NEGATIVE_INFINITY;
                        default -> throw mismatch("a number, \"NaN\", \"Infinity\" or \"-Infinity\"", p);
                    };
                default -> throw mismatch("a number", p);
            };
        }

        @Override
        public Object canonical(Object value) {
            if (value instanceof Double d) {
                return d;
            }
            if (value instanceof Float f) {
                // Through the decimal text so 0.1f stays 0.1, not 0.10000000149011612.
                return Double.parseDouble(Float.toString(f));
            }
            throw mismatch("a floating-point number", value);
        }
    }

    private static final class BooleanCodec implements ValueCodec {
        @Override
        public void write(JsonGenerator g, Object value) throws IOException {
            g.writeBoolean((boolean) canonical(value));
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

    private static class TextCodec implements ValueCodec {
        @Override
        public void write(JsonGenerator g, Object value) throws IOException {
            g.writeString((String) canonical(value));
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw mismatch(expected(), p);
            }
            return canonical(p.getText());
        }

        String expected() {
            return "a JSON string";
        }

        @Override
        public Object canonical(Object value) {
            if (value instanceof String s) {
                return s;
            }
            throw mismatch(expected(), value);
        }
    }

    private static final class UuidCodec extends TextCodec {
        @Override
        String expected() {
            return "a UUID";
        }

        @Override
        public Object canonical(Object value) {
            String s = value instanceof java.util.UUID u ? u.toString() : (String) super.canonical(value);
            String lower = s.toLowerCase(Locale.ROOT);
            if (!UUID_FORM.matcher(lower).matches()) {
                throw mismatch(expected(), value);
            }
            return lower;
        }
    }

    private static final class PatternCodec extends TextCodec {
        private final String name;
        private final Pattern form;

        PatternCodec(String name, Pattern form) {
            this.name = name;
            this.form = form;
        }

        @Override
        String expected() {
            return "a " + name + " in canonical form";
        }

        @Override
        public Object canonical(Object value) {
            String s = (String) super.canonical(value);
            if (!form.matcher(s).matches()) {
                throw mismatch(expected(), value);
            }
            return s;
        }
    }

    private static final class JsonbCodec implements ValueCodec {
        @Override
        public void write(JsonGenerator g, Object value) throws IOException {
            g.writeRawValue(JsonText.compact((String) canonical(value)));
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            return JsonText.copyCurrent(p);
        }

        @Override
        public Object canonical(Object value) {
            if (!(value instanceof String s)) {
                throw mismatch("JSON text", value);
            }
            return JsonText.compact(s);
        }
    }

    private static final class BytesCodec implements ValueCodec {
        @Override
        public void write(JsonGenerator g, Object value) throws IOException {
            byte[] b = (byte[]) canonical(value);
            g.writeString(Base64.getEncoder().encodeToString(b));
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw mismatch("base64 text", p);
            }
            try {
                return Base64.getDecoder().decode(p.getText());
            } catch (IllegalArgumentException e) {
                throw mismatch("base64 text", p);
            }
        }

        @Override
        public Object canonical(Object value) {
            if (value instanceof byte[] b) {
                return b;
            }
            throw mismatch("bytes", value);
        }
    }

    private static final class ArrayCodec implements ValueCodec {
        private final ValueCodec element;

        ArrayCodec(ValueCodec element) {
            this.element = element;
        }

        @Override
        public void write(JsonGenerator g, Object value) throws IOException {
            List<?> list = asList(value);
            g.writeStartArray();
            for (Object item : list) {
                if (item == null) {
                    g.writeNull();
                } else if (item instanceof List<?>) {
                    write(g, item);
                } else {
                    element.write(g, item);
                }
            }
            g.writeEndArray();
        }

        @Override
        public Object read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw mismatch("a JSON array", p);
            }
            List<Object> out = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NULL) {
                    out.add(null);
                } else if (t == JsonToken.START_ARRAY) {
                    out.add(read(p));
                } else {
                    out.add(element.read(p));
                }
            }
            return out;
        }

        @Override
        public Object canonical(Object value) {
            List<?> list = asList(value);
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(item == null ? null : item instanceof List<?> ? canonical(item) : element.canonical(item));
            }
            return out;
        }

        private static List<?> asList(Object value) {
            if (value instanceof List<?> l) {
                return l;
            }
            throw mismatch("a list", value);
        }
    }
}
