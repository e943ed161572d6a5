package dev.migrate.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.TemporalText;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /** Appends one value of the given staging type. */
    void value(StagingType type, Object v) {
        if (v == null) {
            tag('0');
            return;
        }
        if (v instanceof Unreadable u) {
            tag('X');
            string(u.message());
            return;
        }
        switch (type.kind()) {
            case INT16, INT32, INT64 -> {
                tag('I');
                // Sign bit flipped so that encoded keys sort in numeric order.
                longValue(((Number) v).longValue() ^ Long.MIN_VALUE);
            }
            case DECIMAL -> {
                tag('N');
                string(decimal((String) v));
            }
            case FLOAT32 -> {
                tag('F');
                longValue(floatBits((double) (float) (double) (Double) v));
            }
            case FLOAT64 -> {
                tag('F');
                longValue(floatBits((Double) v));
            }
            case BOOLEAN -> {
                tag('B');
                tag((Boolean) v ? '1' : '0');
            }
            case TEXT, VARCHAR, ENUM, SOURCE_TEXT, JSON, DATE, INTERVAL -> {
                tag('S');
                string((String) v);
            }
            case UUID -> {
                tag('S');
                string(((String) v).toLowerCase(java.util.Locale.ROOT));
            }
            case CHAR -> {
                tag('S');
                string(stripTrailingBlanks((String) v));
            }
            case JSONB -> json((String) v);
            case BYTES -> {
                tag('Y');
                bytes((byte[]) v);
            }
            case TIME, TIMESTAMP -> {
                tag('S');
                string(TemporalText.trimFraction((String) v));
            }
            case TIMETZ -> {
                tag('S');
                string(TemporalText.trimFraction(TemporalText.withNormalizedOffset((String) v)));
            }
            case TIMESTAMPTZ -> {
                tag('S');
                string(TemporalText.toUtc((String) v));
            }
            case ARRAY -> array(type.element(), (List<?>) v);
        }
    }

    private void array(StagingType element, List<?> list) {
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

    /** Streaming parser for jsonb values, with the staging files' limits. */
    private static final JsonFactory JSON_STREAM = JsonFactory.builder()
            .streamReadConstraints(StagingJson.FACTORY.streamReadConstraints())
            .build();

    /** Open objects and arrays of the jsonb value being encoded, reused across values. */
    private final ArrayList<Container> open = new ArrayList<>();

    /**
     * jsonb's semantics, encoded while parsing (no tree, no text rendered): keys sorted, the last
     * duplicate kept, numbers by their plain decimal text. The bytes are exactly those of
     * encoding Jackson's tree of the document (floats as BigDecimal, scale kept), which
     * JsonbEncodingTest checks against a tree encoder on thousands of documents. Streaming
     * avoids a node per value and a BigDecimal per number (a number without exponent already is
     * its plain text): it cut the encoding of the tenant workload's jsonb from ~25 to ~17 us per
     * document and validate's CPU on that workload by about a fifth (30 to 23.5 s). The nesting
     * is kept in {@link #open}, not on the call stack, so a document as deep as the staging
     * limit (10,000 levels, which PostgreSQL's jsonb accepts) cannot overflow the thread's stack.
     * Only the first JSON value counts, as with {@code readTree}. Text that is not JSON is
     * encoded as such (tag X), so it can never equal a document.
     */
    private void json(String text) {
        int start = len;
        try (JsonParser p = JSON_STREAM.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != null) {
                tag('J');
                jsonValue(p, t);
                return;
            }
        } catch (IOException e) {
            // not JSON: encoded as text below
        }
        len = start;
        tag('X');
        string(text);
    }

    /** Encodes one JSON value starting at token {@code first}, reading up to its end. */
    private void jsonValue(JsonParser p, JsonToken first) throws IOException {
        int depth = 0;
        JsonToken t = first;
        while (true) {
            if (t == null) {
                throw new JsonParseException(p, "unexpected end of input");
            }
            boolean valueDone = true;
            switch (t) {
                case START_OBJECT, START_ARRAY -> {
                    tag(t == JsonToken.START_OBJECT ? '{' : '[');
                    int countAt = len;
                    longValue(0);
                    if (depth == open.size()) {
                        open.add(new Container());
                    }
                    open.get(depth++).start(t == JsonToken.START_OBJECT, countAt, len);
                    valueDone = false;
                }
                case END_OBJECT, END_ARRAY -> {
                    Container c = open.get(--depth);
                    if (c.object) {
                        finishObject(c);
                    } else {
                        putLong(c.countAt, c.count);
                    }
                }
                case FIELD_NAME -> {
                    Container c = depth == 0 ? null : open.get(depth - 1);
                    if (c == null || !c.object) {
                        throw new JsonParseException(p, "unexpected field name");
                    }
                    int from = len;
                    chars(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    c.name(buf, from, len);
                    valueDone = false;
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    tag('n');
                    string(plainNumber(p.getText()));
                }
                case VALUE_STRING -> {
                    tag('s');
                    chars(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                }
                case VALUE_TRUE -> tag('T');
                case VALUE_FALSE -> tag('F');
                case VALUE_NULL -> tag('z');
                default -> throw new JsonParseException(p, "unexpected token " + t);
            }
            if (valueDone) {
                if (depth == 0) {
                    return;
                }
                open.get(depth - 1).valueEnded(len);
            }
            t = p.nextToken();
        }
    }

    /**
     * Puts an object's members, each encoded where it stood, in key order, keeping the last of
     * duplicate keys. The order is PostgreSQL's jsonb key order (shorter UTF-8 key first, then
     * bytewise), which is the order of the encoded names themselves (length prefix, then bytes):
     * PostgreSQL prints jsonb in that order and import-sqlite keeps it, so most objects need no
     * reordering at all, and no key is turned into a String to sort it. With strings encoded
     * straight from the parser's buffer ({@link #chars}) this took another ~20 % off the
     * encoding time per document, against sorting String keys in a TreeMap.
     */
    private void finishObject(Container c) {
        if (c.ordered) {
            putLong(c.countAt, c.count);
            return;
        }
        int n = c.count;
        int[] order = c.order(n);
        // Stable: of equal names the last stays last.
        if (n <= 32) {
            for (int i = 1; i < n; i++) {
                int m = order[i];
                int j = i - 1;
                while (j >= 0 && compareNames(c, order[j], m) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = m;
            }
        } else {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (x, y) -> compareNames(c, x, y));
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
            }
        }
        // Of equal names (adjacent now) only the last is kept; decided before the buffer is rewritten.
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (i + 1 == n || compareNames(c, order[i], order[i + 1]) != 0) {
                order[kept++] = order[i];
            }
        }
        byte[] members = Arrays.copyOfRange(buf, c.membersStart, len);
        len = c.membersStart;
        for (int i = 0; i < kept; i++) {
            int m = order[i];
            int from = c.spans[2 * m];
            int size = c.spans[2 * m + 1] - from;
            ensure(size);
            System.arraycopy(members, from - c.membersStart, buf, len, size);
            len += size;
        }
        putLong(c.countAt, kept);
    }

    /** Compares the encoded names of two members of {@code c} (length prefix, then bytes). */
    private int compareNames(Container c, int x, int y) {
        int a = c.spans[2 * x];
        int b = c.spans[2 * y];
        return Arrays.compareUnsigned(buf, a, a + 4 + nameLength(a), buf, b, b + 4 + nameLength(b));
    }

    private int nameLength(int at) {
        return ((buf[at] & 0xff) << 24)
                | ((buf[at + 1] & 0xff) << 16)
                | ((buf[at + 2] & 0xff) << 8)
                | (buf[at + 3] & 0xff);
    }

    /** An open object or array: where its count goes and, for objects, where each member's bytes are. */
    private static final class Container {
        boolean object;
        int countAt;
        int membersStart;
        int count;
        boolean ordered;
        /** Start and end offset in the buffer of each member (name and value), two ints per member. */
        int[] spans = new int[16];

        private int[] order = new int[8];

        void start(boolean isObject, int countAt, int membersStart) {
            this.object = isObject;
            this.countAt = countAt;
            this.membersStart = membersStart;
            this.count = 0;
            this.ordered = true;
        }

        /**
         * A member's name, just encoded in {@code buf} from {@code from} to {@code end}: notes
         * whether the members still come in key order (strictly: a duplicate needs sorting out).
         */
        void name(byte[] buf, int from, int end) {
            if (count > 0 && ordered) {
                int prev = spans[2 * (count - 1)];
                int prevEnd = prev
                        + 4
                        + (((buf[prev] & 0xff) << 24)
                                | ((buf[prev + 1] & 0xff) << 16)
                                | ((buf[prev + 2] & 0xff) << 8)
                                | (buf[prev + 3] & 0xff));
                if (Arrays.compareUnsigned(buf, prev, prevEnd, buf, from, end) >= 0) {
                    ordered = false; // out of order, or a duplicate
                }
            }
            if (2 * count + 2 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[2 * count] = from;
        }

        /** An element (array) or a member's value (object) ended at buffer offset {@code end}. */
        void valueEnded(int end) {
            if (object) {
                spans[2 * count + 1] = end;
            }
            count++;
        }

        /** The identity order of {@code n} members, in a reused array. */
        int[] order(int n) {
            if (order.length < n) {
                order = new int[Math.max(n, order.length * 2)];
            }
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            return order;
        }
    }

    /**
     * What {@code new BigDecimal(text).toPlainString()} gives, as the tree's number nodes do: the
     * text itself unless it has an exponent or is a negative zero (BigDecimal has no -0).
     */
    static String plainNumber(String text) {
        boolean exponent = false;
        boolean nonZeroDigit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                exponent = true;
                break;
            }
            if (c >= '1' && c <= '9') {
                nonZeroDigit = true;
            }
        }
        if (!exponent && (nonZeroDigit || text.charAt(0) != '-')) {
            return text;
        }
        return new BigDecimal(text).toPlainString();
    }

    private void putLong(int at, long v) {
        for (int i = 7; i >= 0; i--) {
            buf[at++] = (byte) (v >>> (i * 8));
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

    /**
     * Appends chars as {@link #string} appends their String (length-prefixed UTF-8, a lone
     * surrogate as {@code '?'} like {@code String.getBytes}), without making the String or its
     * bytes: the parser's own buffer is encoded in place.
     */
    private void chars(char[] c, int off, int n) {
        ensure(4 + 3 * n);
        int at = len;
        len += 4;
        int end = off + n;
        for (int i = off; i < end; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                buf[len++] = (byte) ch;
            } else if (ch < 0x800) {
                buf[len++] = (byte) (0xc0 | (ch >> 6));
                buf[len++] = (byte) (0x80 | (ch & 0x3f));
            } else if (Character.isSurrogate(ch)) {
                if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(c[i + 1])) {
                    int cp = Character.toCodePoint(ch, c[++i]);
                    buf[len++] = (byte) (0xf0 | (cp >> 18));
                    buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    buf[len++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    buf[len++] = '?';
                }
            } else {
                buf[len++] = (byte) (0xe0 | (ch >> 12));
                buf[len++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (ch & 0x3f));
            }
        }
        int size = len - at - 4;
        buf[at] = (byte) (size >>> 24);
        buf[at + 1] = (byte) (size >>> 16);
        buf[at + 2] = (byte) (size >>> 8);
        buf[at + 3] = (byte) size;
    }

    private void bytes(byte[] b) {
        ensure(b.length + 4);
        int n = b.length;
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
