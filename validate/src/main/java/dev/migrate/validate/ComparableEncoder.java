package dev.migrate.validate;

import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.TemporalText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes canonical values into bytes that are equal exactly when the two values mean the same
 * thing on both databases. On top of the staging canonical form it evens out what a round trip
 * through the other dialect legitimately changes:
 *
 * <ul>
 *   <li>decimals compare by value ({@code 12.5} = {@code 12.50}): a {@code numeric(p,s)} column
 *       re-pads the scale, and a profiled SQLite REAL has no scale at all;
 *   <li>floats: {@code -0.0} = {@code 0.0} (SQLite stores an integral REAL as an integer and loses
 *       the sign; SQL says they are equal), every NaN is one NaN, and a float32 column compares at
 *       float32 precision (the precision {@code real} keeps);
 *   <li>{@code char(n)} ignores trailing blanks (PostgreSQL pads, a SQLite copy may not);
 *   <li>timestamptz compares as the UTC instant; times and timestamps ignore trailing fractional
 *       zeros; offsets compare in {@code ±HH:MM} form;
 *   <li>jsonb compares semantically: keys sorted, the last duplicate wins, numbers in plain
 *       notation ({@code 1e2} = {@code 100}), as PostgreSQL's jsonb itself does; json (not
 *       jsonb) compares as exact text, since both databases keep its text;
 *   <li>uuids in lowercase.
 * </ul>
 *
 * Every value is tagged and length-prefixed, so no two different rows encode alike.
 */
final class ComparableEncoder {

    private byte[] buf = new byte[256];
    private int len;

    void reset() {
        len = 0;
    }

    byte[] buffer() {
        return buf;
    }

    int length() {
        return len;
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    /** Appends one value of the given staging type ({@link #value(Encoding, Object)}). */
    void value(StagingType type, Object v) {
        value(encoding(type), v);
    }

    /** Appends one value of a column whose {@link #encoding} is given. */
    void value(Encoding encoding, Object v) {
        if (v == null) {
            tag('0');
        } else if (v instanceof Unreadable u) {
            tag('X');
            string(u.message());
        } else {
            encoding.append(this, v);
        }
    }

    /** How the non-null values of one column are appended; chosen once per column ({@link #encoding}). */
    @FunctionalInterface
    interface Encoding {
        void append(ComparableEncoder to, Object value);
    }

    /**
     * The encoding of the values of a staging type: a small function per type, chosen once per
     * column. One switch per value made the encoder one large method that every column's profile
     * kept whole, and the JIT's compiling it (inlined into each side's reading loop) was a
     * noticeable part of a validate run on two cores (docs/performance.md).
     */
    static Encoding encoding(StagingType type) {
        return switch (type.kind()) {
            case INT16, INT32, INT64 ->
                (e, v) -> {
                    e.tag('I');
                    // Sign bit flipped so that encoded keys sort in numeric order.
                    e.longValue(((Number) v).longValue() ^ Long.MIN_VALUE);
                };
            case DECIMAL ->
                (e, v) -> {
                    e.tag('N');
                    e.string(decimal((String) v));
                };
            case FLOAT32 ->
                (e, v) -> {
                    e.tag('F');
                    e.longValue(floatBits((double) (float) (double) (Double) v));
                };
            case FLOAT64 ->
                (e, v) -> {
                    e.tag('F');
                    e.longValue(floatBits((Double) v));
                };
            case BOOLEAN ->
                (e, v) -> {
                    e.tag('B');
                    e.tag((Boolean) v ? '1' : '0');
                };
            case TEXT, VARCHAR, ENUM, SOURCE_TEXT, JSON, DATE, INTERVAL -> (e, v) -> e.text((String) v);
            case UUID -> (e, v) -> e.text(((String) v).toLowerCase(java.util.Locale.ROOT));
            case CHAR -> (e, v) -> e.text(stripTrailingBlanks((String) v));
            case JSONB ->
                (e, v) -> {
                    if (v instanceof Utf8Json j) {
                        e.json(j);
                    } else {
                        e.json((String) v);
                    }
                };
            case BYTES ->
                (e, v) -> {
                    e.tag('Y');
                    e.bytes((byte[]) v);
                };
            case TIME, TIMESTAMP -> (e, v) -> e.text(TemporalText.trimFraction((String) v));
            case TIMETZ -> (e, v) -> e.text(TemporalText.trimFraction(TemporalText.withNormalizedOffset((String) v)));
            case TIMESTAMPTZ -> (e, v) -> e.text(TemporalText.toUtc((String) v));
            case ARRAY -> {
                Encoding element = encoding(type.element());
                yield (e, v) -> e.array(element, (List<?>) v);
            }
        };
    }

    /** A text value: tag S, then its UTF-8. */
    private void text(String s) {
        tag('S');
        string(s);
    }

    private void array(Encoding element, List<?> list) {
        tag('A');
        longValue(list.size());
        for (Object item : list) {
            if (item instanceof List<?> nested) {
                array(element, nested);
            } else {
                value(element, item);
            }
        }
    }

    /** A decimal by value: trailing zeros stripped, zero without sign or scale. */
    static String decimal(String s) {
        return switch (s) {
            case "NaN", "Infinity", "-Infinity" -> s;
            default -> {
                BigDecimal d = new BigDecimal(s);
                yield d.signum() == 0 ? "0" : d.stripTrailingZeros().toString();
            }
        };
    }

    private static long floatBits(double d) {
        if (d == 0.0) {
            return 0L; // -0.0 and 0.0
        }
        return Double.doubleToLongBits(d); // one NaN
    }

    private static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** jsonb's canonical text, reused across values. */
    private final JsonbCanonicalText jsonb = new JsonbCanonicalText();

    /**
     * jsonb's semantics: the canonical text of the document ({@link JsonbCanonicalText}: keys in
     * jsonb order, the last duplicate kept, numbers by their plain decimal text), length-prefixed.
     * Text that is not JSON is encoded as such (tag X), so it can never equal a document.
     *
     * <p>Before, this encoded Jackson's token stream of every document (and before that, its
     * tree); the canonical text is mostly a copy of the text without its whitespace, which cut
     * the encoding of the tenant workload's ~1.6 KB documents from ~14 to ~5 us (CPU, either
     * side's form) and the jsonb share of validate's JFR samples on that workload from 315 to 138.
     */
    private void json(String text) {
        if (jsonb.write(text)) {
            tag('J');
            bytes(jsonb.buffer(), jsonb.length());
        } else {
            tag('X');
            string(text);
        }
    }

    /**
     * {@link #json(String)} of the text of the bytes, read without decoding them: the same
     * encoding, byte for byte (what the PostgreSQL and SQLite readers hand over, {@link Utf8Json}).
     */
    private void json(Utf8Json value) {
        if (value.canonical() != null) {
            tag('J');
            bytes(value.canonical(), value.canonical().length);
            return;
        }
        byte[] utf8 = value.bytes();
        if (jsonb.write(utf8, 0, utf8.length)) {
            tag('J');
            bytes(jsonb.buffer(), jsonb.length());
        } else {
            tag('X');
            string(value.toString()); // rare: as the text would be
        }
    }

    private void tag(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void longValue(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[len++] = (byte) (v >>> (i * 8));
        }
    }

    private void string(String s) {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] b) {
        bytes(b, b.length);
    }

    private void bytes(byte[] b, int n) {
        ensure(n + 4);
        buf[len++] = (byte) (n >>> 24);
        buf[len++] = (byte) (n >>> 16);
        buf[len++] = (byte) (n >>> 8);
        buf[len++] = (byte) n;
        System.arraycopy(b, 0, buf, len, n);
        len += n;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
