package dev.migrate.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.migrate.core.staging.StagingJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * A jsonb document's meaning as one canonical text, in UTF-8: compact, each object's keys in
 * PostgreSQL's jsonb order (shorter UTF-8 key first, then bytewise) with the last of duplicate
 * keys kept, numbers by their plain decimal text ({@code 1e2} is {@code 100}, {@code -0} is
 * {@code 0}, {@code 1.50} stays {@code 1.50}), strings escaped as Jackson's generator escapes
 * them (only {@code \"}, {@code \\}, the short escapes and <code>&#92;u00XX</code> in upper-case
 * hex for the other control characters; a lone surrogate becomes {@code ?}, as {@code
 * String.getBytes} makes it). Two documents get the same text exactly when {@link
 * ComparableEncoder} holds them equal (as jsonb does, except that {@code 2.50} and {@code 2.5}
 * differ); only the first JSON value of the text counts, as with Jackson's {@code readTree}.
 *
 * <p>Two paths give the same bytes. The fast one is a single pass over the text's UTF-8 bytes
 * that copies them, dropping whitespace (a String is first written as UTF-8; {@link
 * #write(byte[], int, int)} reads a database's bytes as they came): it takes what PostgreSQL
 * prints for jsonb ({@code {"a": 1, "b": [1, 2]}}, keys already in jsonb order and unique) and
 * the compact text import-sqlite writes, and gives up (the general path then starts over) on anything it would have to reorder
 * or decode: keys out of order or repeated, a key with an escape, an escape Jackson would not
 * write, invalid or trailing text, nesting deeper than {@value #FAST_MAX_DEPTH}. The general path
 * streams Jackson's tokens and sorts the members of objects that need it. The fast path replaced
 * Jackson's tokenizing for the tenant workload's ~1.6 KB documents, which was ~60 % of validate's
 * row-scan CPU, and is ~3x faster (~5 against ~14 us per document); {@code
 * JsonbCanonicalTextTest} checks that both paths agree on random and mangled documents, and that
 * the byte entry point gives what the String one gives for the decoded text, malformed UTF-8
 * included. Reading bytes saves a database's reader decoding each document into a String: per
 * tenant document (microbenchmark, best of 40 rounds) ~4.5 against ~6 us (SQLite's compact form)
 * and ~4.8 against ~6.8 us (PostgreSQL's spaced form); a String costs ~1 us more than before for
 * writing its UTF-8 first (the staging side hands jsonb over as Strings).
 */
final class JsonbCanonicalText {

    /** Deeper documents take the general path, well below the staging files' nesting limit. */
    static final int FAST_MAX_DEPTH = 512;

    /** Longer numbers take the general path, far below the staging files' number length limit. */
    static final int FAST_MAX_NUMBER_CHARS = 1000;

    /** Streaming parser for the general path, with the staging files' limits. */
    private static final JsonFactory JSON_STREAM = JsonFactory.builder()
            .streamReadConstraints(StagingJson.FACTORY.streamReadConstraints())
            .build();

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private byte[] out = new byte[4096];
    private int len;

    /** Fast path: per open container, {@link #ARRAY}, {@link #NO_KEY} or the output offset of its last key. */
    private final int[] lastKeyAt = new int[FAST_MAX_DEPTH];

    private final int[] lastKeyLength = new int[FAST_MAX_DEPTH];

    /** General path: open objects and arrays, reused across documents. */
    private final ArrayList<Container> open = new ArrayList<>();

    /** General path: the decoded UTF-8 names of the open objects' members, to sort them. */
    private byte[] names = new byte[256];

    private int namesLength;

    /** The canonical text written by the last successful {@link #write}. */
    byte[] buffer() {
        return out;
    }

    int length() {
        return len;
    }

    /** Writes the canonical text of {@code text}'s first JSON value; false when it is not JSON. */
    boolean write(String text) {
        // The fast path reads the text's UTF-8, a lone surrogate as '?' as the canonical text writes it.
        return writeFast(text) || writeGeneral(text);
    }

    /**
     * {@link #write(String)} of {@code new String(utf8, off, n, UTF_8)}, byte for byte, for any
     * bytes, without decoding them when the fast path takes them. Well-formed UTF-8 is its own
     * {@code getBytes} (decoding and encoding it again is the identity), so the fast path sees
     * what {@link #write(String)} gives it; bytes that are not well-formed UTF-8 (found while
     * copying) are decoded with replacements and written as that text. The general path decodes
     * too: it is rare in practice, and Jackson's own byte parser would detect an encoding and a
     * BOM, which parsing the text never does.
     */
    boolean write(byte[] utf8, int off, int n) {
        if (fastBytes(utf8, off, n)) {
            return true;
        }
        String text = new String(utf8, off, n, StandardCharsets.UTF_8);
        // The fast path only gives up before malformed bytes where it would give up on the text too.
        return invalidUtf8 ? write(text) : writeGeneral(text);
    }

    // ---------------------------------------------------------------- fast path

    /** The fast path alone: false when it gives up (the text may still be JSON). */
    boolean writeFast(String text) {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        if (utf8.length < 3 * n) {
            utf8 = new byte[Math.max(3 * n, 2 * utf8.length)];
        }
        char[] c = chars;
        byte[] u = utf8;
        text.getChars(0, n, c, 0);
        // What getBytes(UTF_8) gives (a lone surrogate as '?'), in reused arrays: getBytes made
        // a String's canonical text ~1.5 us (a third) slower than the char-level fast path it
        // replaced, for the ~1.4 KB tenant documents a staging side hands over as Strings.
        int p = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                u[p++] = (byte) ch;
            } else {
                p = nonAscii(c, i, n, u, p);
                if (pairAt(c, i, n)) {
                    i++;
                }
            }
        }
        return fastBytes(u, 0, p);
    }

    /** {@link #writeFast(String)}: the text's chars and their UTF-8, reused across documents. */
    private char[] chars = new char[4096];

    private byte[] utf8 = new byte[4096];

    /** The fast path alone over UTF-8 bytes; false when it gives up, {@link #invalidUtf8} set when on malformed bytes. */
    boolean fastBytes(byte[] utf8, int off, int n) {
        invalidUtf8 = false;
        try {
            return fast(utf8, off, off + n);
        } catch (NumberFormatException e) {
            return false; // the general path says the same
        }
    }

    /** Whether the fast path's last give-up was on bytes that are not well-formed UTF-8. */
    private boolean invalidUtf8;

    /**
     * One pass over the UTF-8 bytes {@code in[from, n)}, writing straight into {@link #out}.
     * Positions are kept in locals and the helpers return the input and output position packed
     * in one long (negative when they give up): a first version that kept the output position
     * in a field spent as much time again. Reading bytes rather than a String's chars saves
     * decoding each document into UTF-16 and encoding it back (the tenant workload's documents
     * are ~2 KB of mostly ASCII text with some non-ASCII).
     */
    private boolean fast(byte[] in, int from, int n) {
        // The output is at most as long as the input; only plain numbers can grow it.
        len = 0;
        ensure(n - from + 16);
        byte[] o = out;
        int p = 0;
        int depth = 0;
        int i = whitespace(in, from, n);
        value:
        while (true) {
            if (i >= n) {
                return false;
            }
            byte c = in[i];
            long r;
            switch (c) {
                case '{', '[' -> {
                    if (depth == FAST_MAX_DEPTH) {
                        return false;
                    }
                    boolean object = c == '{';
                    lastKeyAt[depth++] = object ? NO_KEY : ARRAY;
                    o[p++] = c;
                    i = whitespace(in, i + 1, n);
                    if (i < n && in[i] == (object ? '}' : ']')) {
                        o[p++] = in[i];
                        depth--;
                        r = pack(i + 1, p);
                    } else if (object) {
                        r = key(in, i, n, o, p, depth - 1);
                        if (r < 0) {
                            return gaveUp(r);
                        }
                        i = (int) (r >>> 32);
                        p = (int) r;
                        continue value;
                    } else {
                        continue value;
                    }
                }
                case '"' -> r = string(in, i, n, o, p, false);
                case 't' -> r = literal(in, i, n, o, p, "true");
                case 'f' -> r = literal(in, i, n, o, p, "false");
                case 'n' -> r = literal(in, i, n, o, p, "null");
                default -> {
                    r = number(in, i, n, o, p);
                    if (r >= 0 && out != o) {
                        o = out; // grown for a long plain number
                    }
                }
            }
            if (r < 0) {
                return gaveUp(r);
            }
            i = (int) (r >>> 32);
            p = (int) r;
            // After a value: close containers, or a comma and the next element or member.
            while (true) {
                i = whitespace(in, i, n);
                if (depth == 0) {
                    len = p;
                    return i == n;
                }
                if (i >= n) {
                    return false;
                }
                c = in[i];
                boolean object = lastKeyAt[depth - 1] != ARRAY;
                if (c == ',') {
                    o[p++] = ',';
                    i = whitespace(in, i + 1, n);
                    if (object) {
                        r = key(in, i, n, o, p, depth - 1);
                        if (r < 0) {
                            return gaveUp(r);
                        }
                        i = (int) (r >>> 32);
                        p = (int) r;
                    }
                    continue value;
                }
                if (c != (object ? '}' : ']')) {
                    return false;
                }
                o[p++] = c;
                depth--;
                i++;
            }
        }
    }

    /** What the fast path's helpers return when they give up. */
    private static final long FAIL = -1L;

    /** What they return on bytes that are not well-formed UTF-8. */
    private static final long MALFORMED = -2L;

    private boolean gaveUp(long r) {
        invalidUtf8 = r == MALFORMED;
        return false;
    }

    /** {@link #lastKeyAt} of an array, and of an object before its first key. */
    private static final int ARRAY = -2;

    private static final int NO_KEY = -1;

    private static long pack(int i, int p) {
        return ((long) i << 32) | p;
    }

    private static int whitespace(byte[] in, int i, int n) {
        while (i < n) {
            byte c = in[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * A member's name (without escapes), its colon and the whitespace after it, at {@code i};
     * negative unless the name comes strictly after the previous one of the object at {@code
     * level} in jsonb order. Without escapes the written bytes are the name's UTF-8 bytes, which
     * is what jsonb orders by.
     */
    private long key(byte[] in, int i, int n, byte[] o, int p, int level) {
        if (i >= n || in[i] != '"') {
            return FAIL;
        }
        int start = p + 1;
        long r = string(in, i, n, o, p, true);
        if (r < 0) {
            return r;
        }
        i = (int) (r >>> 32);
        p = (int) r;
        int length = p - 1 - start;
        int previous = lastKeyAt[level];
        if (previous >= 0) {
            int previousLength = lastKeyLength[level];
            if (length < previousLength) {
                return FAIL; // out of order: the general path sorts it out
            }
            if (length == previousLength) {
                int k = 0;
                while (k < length && o[previous + k] == o[start + k]) {
                    k++;
                }
                if (k == length || (o[previous + k] & 0xff) > (o[start + k] & 0xff)) {
                    return FAIL; // a duplicate, or out of order
                }
            }
        }
        lastKeyAt[level] = start;
        lastKeyLength[level] = length;
        i = whitespace(in, i, n);
        if (i >= n || in[i] != ':') {
            return FAIL;
        }
        o[p++] = ':';
        return pack(whitespace(in, i + 1, n), p);
    }

    /**
     * The string at {@code i}, its UTF-8 copied as it is, with only the escapes Jackson writes
     * (control escapes in either case of hex: PostgreSQL writes {@code \u001f}, Jackson {@code
     * \u001F}), none at all in a key; {@link #FAIL} otherwise, {@link #MALFORMED} on bytes that
     * are not well-formed UTF-8.
     */
    private static long string(byte[] in, int i, int n, byte[] o, int p, boolean key) {
        o[p++] = '"';
        for (i++; i < n; i++) {
            byte c = in[i];
            if (c >= 0) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    o[p++] = c;
                } else if (c == '"') {
                    o[p++] = '"';
                    return pack(i + 1, p);
                } else if (c != '\\' || key || i + 1 >= n) {
                    return FAIL; // a raw control character (invalid), an escape in a key, or the end
                } else {
                    byte e = in[++i];
                    switch (e) {
                        case '"', '\\', 'b', 'f', 'n', 'r', 't' -> {
                            o[p++] = '\\';
                            o[p++] = e;
                        }
                        case 'u' -> {
                            int v = i + 4 < n ? controlEscape(in, i + 1) : -1;
                            if (v < 0) {
                                return FAIL;
                            }
                            o[p++] = '\\';
                            o[p++] = 'u';
                            o[p++] = '0';
                            o[p++] = '0';
                            o[p++] = HEX[v >> 4];
                            o[p++] = HEX[v & 0xf];
                            i += 4;
                        }
                        default -> {
                            return FAIL;
                        }
                    }
                }
            } else {
                // One character of two to four bytes: checked, then copied (its UTF-8 is itself).
                int end = Utf8Json.sequenceEnd(in, i, n);
                if (end < 0) {
                    return MALFORMED;
                }
                while (i < end) {
                    o[p++] = in[i++];
                }
                i--;
            }
        }
        return FAIL;
    }

    /**
     * The control character of the four hex digits at {@code at} when Jackson writes it as
     * <code>&#92;u00XX</code> (below 0x20 and without a short escape); -1 otherwise.
     */
    private static int controlEscape(byte[] in, int at) {
        if (in[at] != '0' || in[at + 1] != '0') {
            return -1;
        }
        int high = hex(in[at + 2]);
        int low = hex(in[at + 3]);
        if (high < 0 || high > 1 || low < 0) {
            return -1;
        }
        int v = high << 4 | low;
        return v == '\b' || v == '\t' || v == '\n' || v == '\f' || v == '\r' ? -1 : v;
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static long literal(byte[] in, int i, int n, byte[] o, int p, String word) {
        int w = word.length();
        if (i + w > n) {
            return FAIL;
        }
        for (int k = 0; k < w; k++) {
            byte c = (byte) word.charAt(k);
            if (in[i + k] != c) {
                return FAIL;
            }
            o[p++] = c;
        }
        return pack(i + w, p);
    }

    /**
     * A strict JSON number at {@code i}, written as {@link #plainNumber} gives it (its own text
     * unless it has an exponent or is a negative zero); {@link #FAIL} if it is not one. A plain
     * text longer than the number may grow {@link #out}.
     */
    private long number(byte[] in, int i, int n, byte[] o, int p) {
        // Copied while it is checked (the output has room for the input): a scan, then a copy,
        // took a third of the fast path's samples on the tenant workload's number-heavy documents.
        int start = i;
        int outStart = p;
        boolean negative = in[i] == '-';
        if (negative) {
            o[p++] = '-';
            i++;
        }
        if (i >= n) {
            return FAIL;
        }
        boolean nonZero = false;
        byte c = in[i];
        if (c == '0') {
            o[p++] = c;
            i++;
        } else if (c >= '1' && c <= '9') {
            nonZero = true;
            do {
                o[p++] = c;
                i++;
            } while (i < n && (c = in[i]) >= '0' && c <= '9');
        } else {
            return FAIL;
        }
        if (i < n && in[i] == '.') {
            o[p++] = '.';
            int from = ++i;
            while (i < n && (c = in[i]) >= '0' && c <= '9') {
                nonZero |= c != '0';
                o[p++] = c;
                i++;
            }
            if (i == from) {
                return FAIL;
            }
        }
        boolean exponent = false;
        if (i < n && (in[i] == 'e' || in[i] == 'E')) {
            exponent = true;
            i++;
            if (i < n && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            int from = i;
            i = digits(in, from, n);
            if (i == from) {
                return FAIL;
            }
        }
        int length = i - start;
        if (length > FAST_MAX_NUMBER_CHARS) {
            return FAIL;
        }
        if (exponent || (negative && !nonZero)) {
            String plain = plainNumber(new String(in, start, length, StandardCharsets.ISO_8859_1));
            p = outStart;
            len = p;
            // Room for the plain text and, as at the start, for the rest of the input.
            ensure(plain.length() + (n - i) + 16);
            o = out;
            for (int k = 0; k < plain.length(); k++) {
                o[p++] = (byte) plain.charAt(k);
            }
        }
        return pack(i, p);
    }

    /**
     * What {@code new BigDecimal(text).toPlainString()} gives, as Jackson's tree's number nodes
     * do: the text itself unless it has an exponent or is a negative zero (BigDecimal has no -0).
     *
     * @throws NumberFormatException when the exponent does not fit an int, or the plain text would
     *     be longer than {@value #MAX_PLAIN_CHARS} characters (far beyond what PostgreSQL's numeric
     *     holds): such a document is compared as its exact text, where it used to end validate
     *     with this exception or run it out of memory
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
        BigDecimal d = new BigDecimal(text);
        if (Math.abs((long) d.precision() - d.scale()) > MAX_PLAIN_CHARS
                || Math.abs((long) d.scale()) > MAX_PLAIN_CHARS) {
            throw new NumberFormatException("plain text too long");
        }
        return d.toPlainString();
    }

    /** PostgreSQL's numeric holds at most 131,072 digits before the point and 16,383 after. */
    static final int MAX_PLAIN_CHARS = 1_000_000;

    private static int digits(byte[] in, int i, int n) {
        while (i < n && in[i] >= '0' && in[i] <= '9') {
            i++;
        }
        return i;
    }

    // ---------------------------------------------------------------- general path

    /**
     * The general path alone: Jackson's tokens written canonically, objects re-sorted where their
     * keys are not in jsonb order already. The nesting is kept in {@link #open}, not on the call
     * stack, so a document as deep as the staging limit (10,000 levels) cannot overflow the stack.
     */
    boolean writeGeneral(String text) {
        len = 0;
        namesLength = 0;
        try (JsonParser p = JSON_STREAM.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return false;
            }
            value(p, t);
            return true;
        } catch (IOException e) {
            return false; // not JSON
        } catch (NumberFormatException e) {
            return false; // a number without a plain text: compared as the exact text
        }
    }

    /** Writes one JSON value starting at token {@code first}, reading up to its end. */
    private void value(JsonParser p, JsonToken first) throws IOException {
        int depth = 0;
        JsonToken t = first;
        while (true) {
            if (t == null) {
                throw new JsonParseException(p, "unexpected end of input");
            }
            boolean valueDone = true;
            if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY && depth > 0) {
                Container c = open.get(depth - 1);
                if (!c.object && c.count > 0) {
                    byteOut(',');
                }
            }
            switch (t) {
                case START_OBJECT, START_ARRAY -> {
                    boolean object = t == JsonToken.START_OBJECT;
                    byteOut(object ? '{' : '[');
                    if (depth == open.size()) {
                        open.add(new Container());
                    }
                    open.get(depth++).start(object, len, namesLength);
                    valueDone = false;
                }
                case END_OBJECT -> {
                    Container c = open.get(--depth);
                    finishObject(c);
                    namesLength = c.namesBase;
                    byteOut('}');
                }
                case END_ARRAY -> {
                    depth--;
                    byteOut(']');
                }
                case FIELD_NAME -> {
                    Container c = depth == 0 ? null : open.get(depth - 1);
                    if (c == null || !c.object) {
                        throw new JsonParseException(p, "unexpected field name");
                    }
                    if (c.count > 0) {
                        byteOut(',');
                    }
                    int memberStart = len;
                    char[] chars = p.getTextCharacters();
                    int off = p.getTextOffset();
                    int n = p.getTextLength();
                    quoted(chars, off, n);
                    byteOut(':');
                    int nameAt = namesLength;
                    nameBytes(chars, off, n);
                    c.name(memberStart, names, nameAt, namesLength);
                    valueDone = false;
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    String plain = plainNumber(p.getText());
                    ensure(plain.length());
                    for (int k = 0; k < plain.length(); k++) {
                        out[len++] = (byte) plain.charAt(k);
                    }
                }
                case VALUE_STRING -> quoted(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                case VALUE_TRUE -> ascii("true");
                case VALUE_FALSE -> ascii("false");
                case VALUE_NULL -> ascii("null");
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
     * Puts the members of an object, each written where it stood, in jsonb key order keeping the
     * last of duplicate keys, comma-separated. Objects already in order are left alone.
     */
    private void finishObject(Container c) {
        if (c.ordered) {
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
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (i + 1 == n || compareNames(c, order[i], order[i + 1]) != 0) {
                order[kept++] = order[i];
            }
        }
        byte[] members = Arrays.copyOfRange(out, c.membersStart, len);
        len = c.membersStart;
        for (int i = 0; i < kept; i++) {
            if (i > 0) {
                out[len++] = ',';
            }
            int m = order[i];
            int from = c.spans[2 * m];
            int size = c.spans[2 * m + 1] - from;
            System.arraycopy(members, from - c.membersStart, out, len, size);
            len += size;
        }
    }

    /** jsonb's key order on the decoded names of members {@code x} and {@code y}: shorter first, then bytewise. */
    private int compareNames(Container c, int x, int y) {
        int a = c.nameSpans[2 * x];
        int aEnd = c.nameSpans[2 * x + 1];
        int b = c.nameSpans[2 * y];
        int bEnd = c.nameSpans[2 * y + 1];
        int byLength = Integer.compare(aEnd - a, bEnd - b);
        return byLength != 0 ? byLength : Arrays.compareUnsigned(names, a, aEnd, names, b, bEnd);
    }

    /** An open object or array of the general path. */
    private static final class Container {
        boolean object;
        int membersStart;
        int namesBase;
        int count;
        boolean ordered;
        /** Start and end offset in the output of each member ({@code "name":value}), two ints per member. */
        int[] spans = new int[16];
        /** Start and end offset of each member's decoded name in {@code names}. */
        int[] nameSpans = new int[16];

        private int[] order = new int[8];

        void start(boolean isObject, int membersStart, int namesBase) {
            this.object = isObject;
            this.membersStart = membersStart;
            this.namesBase = namesBase;
            this.count = 0;
            this.ordered = true;
        }

        /** A member starting at output offset {@code memberStart}, its decoded name at {@code names[from, end)}. */
        void name(int memberStart, byte[] names, int from, int end) {
            if (2 * count + 2 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
                nameSpans = Arrays.copyOf(nameSpans, nameSpans.length * 2);
            }
            if (count > 0 && ordered) {
                int prev = nameSpans[2 * (count - 1)];
                int prevEnd = nameSpans[2 * (count - 1) + 1];
                int byLength = Integer.compare(prevEnd - prev, end - from);
                if (byLength > 0
                        || (byLength == 0 && Arrays.compareUnsigned(names, prev, prevEnd, names, from, end) >= 0)) {
                    ordered = false; // out of order, or a duplicate
                }
            }
            spans[2 * count] = memberStart;
            nameSpans[2 * count] = from;
            nameSpans[2 * count + 1] = end;
        }

        /** An element (array) or a member's value (object) ended at output offset {@code end}. */
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

    /** A string in Jackson's escaping, UTF-8, a lone surrogate as {@code '?'}. */
    private void quoted(char[] c, int off, int n) {
        ensure(2 + 6 * n);
        out[len++] = '"';
        len = utf8(c, off, n, out, len, true);
        out[len++] = '"';
    }

    /** A name's UTF-8 bytes (lone surrogate as {@code '?'}) appended to {@link #names}, for sorting. */
    private void nameBytes(char[] c, int off, int n) {
        if (namesLength + 3 * n > names.length) {
            names = Arrays.copyOf(names, Math.max(names.length * 2, namesLength + 3 * n));
        }
        namesLength = utf8(c, off, n, names, namesLength, false);
    }

    /**
     * Writes {@code n} chars as UTF-8 into {@code to} at {@code at} (room checked by the caller), a
     * lone surrogate as {@code '?'} like {@code String.getBytes}, escaped as Jackson's generator
     * escapes them if {@code escape}; returns the offset after them.
     */
    private static int utf8(char[] c, int off, int n, byte[] to, int at, boolean escape) {
        int end = off + n;
        for (int i = off; i < end; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                if (!escape || (ch >= 0x20 && ch != '"' && ch != '\\')) {
                    to[at++] = (byte) ch;
                } else {
                    to[at++] = '\\';
                    switch (ch) {
                        case '"', '\\' -> to[at++] = (byte) ch;
                        case '\b' -> to[at++] = 'b';
                        case '\t' -> to[at++] = 't';
                        case '\n' -> to[at++] = 'n';
                        case '\f' -> to[at++] = 'f';
                        case '\r' -> to[at++] = 'r';
                        default -> {
                            to[at++] = 'u';
                            to[at++] = '0';
                            to[at++] = '0';
                            to[at++] = HEX[ch >> 4];
                            to[at++] = HEX[ch & 0xf];
                        }
                    }
                }
            } else {
                at = nonAscii(c, i, end, to, at);
                if (pairAt(c, i, end)) {
                    i++;
                }
            }
        }
        return at;
    }

    /** True when {@code c[i]} and {@code c[i + 1]} (before {@code end}) are a surrogate pair: one code point. */
    private static boolean pairAt(char[] c, int i, int end) {
        return Character.isHighSurrogate(c[i]) && i + 1 < end && Character.isLowSurrogate(c[i + 1]);
    }

    /**
     * Writes the non-ASCII char {@code c[i]} as UTF-8 at {@code to[at]} (room checked by the
     * caller): with {@code c[i + 1]} as one code point when {@link #pairAt} (the caller then skips
     * it), a lone surrogate as {@code '?'} like {@code String.getBytes}. Returns the offset after it.
     * One place for the fast path's strings and the general path's, which must give the same bytes.
     */
    private static int nonAscii(char[] c, int i, int end, byte[] to, int at) {
        char ch = c[i];
        if (ch < 0x800) {
            to[at++] = (byte) (0xc0 | (ch >> 6));
            to[at++] = (byte) (0x80 | (ch & 0x3f));
        } else if (Character.isSurrogate(ch)) {
            if (pairAt(c, i, end)) {
                int cp = Character.toCodePoint(ch, c[i + 1]);
                to[at++] = (byte) (0xf0 | (cp >> 18));
                to[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                to[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                to[at++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                to[at++] = '?';
            }
        } else {
            to[at++] = (byte) (0xe0 | (ch >> 12));
            to[at++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
            to[at++] = (byte) (0x80 | (ch & 0x3f));
        }
        return at;
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int k = 0; k < s.length(); k++) {
            out[len++] = (byte) s.charAt(k);
        }
    }

    private void byteOut(char c) {
        ensure(1);
        out[len++] = (byte) c;
    }

    private void ensure(int more) {
        if (len + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, len + more));
        }
    }
}
