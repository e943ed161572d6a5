package dev.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path of {@link JsonbCanonicalText} gives exactly the general path's bytes whenever it
 * takes a document, and it takes what validate reads in practice (PostgreSQL's spaced jsonb
 * output and the compact text import-sqlite writes), so the two sides of a comparison agree
 * whichever path each took. JsonbEncodingTest checks the result against Jackson's tree.
 */
class JsonbCanonicalTextTest {

    private static byte[] fast(String text) {
        JsonbCanonicalText j = new JsonbCanonicalText();
        return j.writeFast(text) ? Arrays.copyOf(j.buffer(), j.length()) : null;
    }

    private static byte[] general(String text) {
        JsonbCanonicalText j = new JsonbCanonicalText();
        return j.writeGeneral(text) ? Arrays.copyOf(j.buffer(), j.length()) : null;
    }

    private static String canonical(String text) {
        byte[] b = general(text);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** One instance for every document of a test class run, as a reading thread uses it. */
    private static final JsonbCanonicalText SHARED = new JsonbCanonicalText();

    /** When the fast path takes a text, its bytes are the general path's; returns whether it took it. */
    private static boolean agrees(String text) {
        byte[] f = fast(text);
        if (f != null) {
            assertThat(f).as(text).isEqualTo(general(text));
        }
        bytesAgree(text, SHARED);
        JsonbCanonicalText shared = new JsonbCanonicalText();
        boolean json = shared.write(text);
        assertThat(json).as(text).isEqualTo(general(text) != null);
        if (json) {
            assertThat(Arrays.copyOf(shared.buffer(), shared.length())).as(text).isEqualTo(general(text));
        }
        return f != null;
    }

    /**
     * The byte entry point gives exactly what the String one gives for the decoded text, read from
     * the middle of a larger array, by a fresh instance and by one that has just written {@code
     * previous} (no state leaks from one document to the next).
     */
    private static void bytesAgree(byte[] utf8, JsonbCanonicalText previous) {
        JsonbCanonicalText reference = new JsonbCanonicalText();
        String text = new String(utf8, StandardCharsets.UTF_8);
        boolean json = reference.write(text);
        byte[] expected = json ? Arrays.copyOf(reference.buffer(), reference.length()) : null;
        byte[] framed = new byte[utf8.length + 6];
        System.arraycopy(new byte[] {'[', '"', (byte) 0xff}, 0, framed, 0, 3);
        System.arraycopy(utf8, 0, framed, 3, utf8.length);
        System.arraycopy(new byte[] {(byte) 0xe9, ' ', '1'}, 0, framed, utf8.length + 3, 3);
        for (JsonbCanonicalText j : List.of(new JsonbCanonicalText(), previous)) {
            boolean took = j.write(framed, 3, utf8.length);
            assertThat(took).as(text).isEqualTo(json);
            if (json) {
                assertThat(Arrays.copyOf(j.buffer(), j.length())).as(text).isEqualTo(expected);
            }
        }
    }

    private static void bytesAgree(String text, JsonbCanonicalText previous) {
        bytesAgree(text.getBytes(StandardCharsets.UTF_8), previous);
    }

    @Test
    void handPickedTexts() {
        for (String text : List.of(
                "{}",
                "[]",
                " { } ",
                "[ ]",
                "null",
                "true",
                "false",
                "\"\"",
                "0",
                "-0",
                "-0.0",
                "-0.000",
                "0.000",
                "1e2",
                "1E+2",
                "-1.5e-3",
                "-0e5",
                "1.50",
                "-267.19282",
                "123456789012345678901234567890.5",
                "{\"a\": 1, \"b\": [1, 2]}",
                "{\"a\":1,\"b\":[1,2]}",
                "{\"b\": 1, \"a\": 2}",
                "{\"a\": 1, \"a\": 2}",
                "{\"aa\": 1, \"b\": 2}",
                "{\"b\": 1, \"aa\": 2}",
                "{\"z\": 1, \"é\": 2, \"☉\": 3, \"😀\": 4}",
                "{\"é\": 1, \"z\": 2}",
                "{\"\": 1, \"a\": 2}",
                "{\"a\\u00e9\": 1}",
                "{\"a\\nb\": 1, \"a\": 2}",
                "[\"\\u001f\", \"\\u001F\", \"\\u0000\", \"\\u0008\", \"\\u000a\", \"\\b\\f\\n\\r\\t\\\"\\\\\"]",
                "[\"\\/\", \"\\u00e9\", \"\\u00E9\", \"\\ud83d\\ude00\", \"😀\", \"\\ud800\", \"x\ud800y\", \"\u007f\"]",
                "{\"x\ud800\": 1, \"?\": 2}",
                "[\"\\u001",
                "[\"\\u00",
                "[\"\\",
                "{\"a\" : 1 , \"b\" :\n[ 1 ,\t2 ]\r}",
                "{} trailing",
                "{}x",
                "1 2",
                "1x",
                "[1] ]",
                "[1,]",
                "{\"a\":1,}",
                "{\"a\" 1}",
                "{\"a\":}",
                "{,}",
                "[,1]",
                "{1:2}",
                "\"unterminated",
                "\"raw\ttab\"",
                "nul",
                "tru",
                "truex",
                "NaN",
                "Infinity",
                "01",
                "-",
                "1.",
                ".5",
                "1e",
                "1e+",
                "+1",
                "-a",
                "[1true]",
                "\ufeff{}",
                "",
                "   ",
                "{",
                "[")) {
            agrees(text);
        }
    }

    @Test
    void numbersAreTheirPlainText() {
        assertThat(canonical("[1e2, 1E+2, -0, -0.0, 1.50, -0e5, 1.0e0, 1.000E-3, 0.0000000001]"))
                .isEqualTo("[100,100,0,0.0,1.50,0,1.0,0.001000,0.0000000001]");
        assertThat(fast("[1e2,-0,-0.0,1.50]")).isEqualTo(general("[1e2,-0,-0.0,1.50]"));
        assertThat(agrees("{\"a\": 1e2, \"b\": -0}")).isTrue();
    }

    @Test
    void keysAreSortedInJsonbOrderKeepingTheLastDuplicate() {
        assertThat(canonical("{\"b\": 1, \"aa\": 2, \"a\": 3, \"b\": 4, \"é\": 5, \"\": 6}"))
                .isEqualTo("{\"\":6,\"a\":3,\"b\":4,\"aa\":2,\"é\":5}");
        assertThat(canonical("{\"k\\u00e9\": 1, \"ké\": 2}")).isEqualTo("{\"ké\":2}");
        assertThat(fast("{\"b\":1,\"a\":2}")).isNull();
        assertThat(fast("{\"a\":1,\"a\":2}")).isNull();
    }

    @Test
    void escapesAreJacksons() {
        assertThat(canonical("[\"\\u001f\\u0001\\u0008\\u000A\\/\\u00e9\\u0022\"]"))
                .isEqualTo("[\"\\u001F\\u0001\\b\\n/é\\\"\"]");
        assertThat(agrees("[\"\\u001f\"]")).isTrue(); // PostgreSQL's lower-case form
    }

    @Test
    void theFastPathTakesPostgresOutputAndCompactText() {
        Random r = new Random(42);
        for (int i = 0; i < 3_000; i++) {
            String c = canonical(DOCUMENTS.document(r));
            if (c.contains("\"a\\nb\"")) {
                continue; // a key with an escape: the general path's job
            }
            assertThat(agrees(c)).as(c).isTrue();
            String spaced = postgresSpacing(c);
            assertThat(agrees(spaced)).as(spaced).isTrue();
            assertThat(fast(spaced)).isEqualTo(general(c));
        }
    }

    @Test
    void randomDocumentsInEverySpacingAgree() {
        Random r = new Random(20261121);
        for (int i = 0; i < 6_000; i++) {
            String d = DOCUMENTS.document(r);
            agrees(d);
            agrees(postgresSpacing(d));
            agrees(randomSpacing(r, d));
        }
    }

    /** Cut, doubled or overwritten texts: the fast path never takes what the general path would read otherwise. */
    @Test
    void mangledDocumentsAgree() {
        Random r = new Random(7);
        String junk = "{}[]\",:\\ 0-1e.ntfu\u0001\u00e9\ud800x";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder(postgresSpacing(DOCUMENTS.document(r)));
            int edits = 1 + r.nextInt(3);
            for (int e = 0; e < edits && b.length() > 0; e++) {
                int at = r.nextInt(b.length());
                switch (r.nextInt(3)) {
                    case 0 -> b.setLength(at);
                    case 1 -> b.insert(at, junk.charAt(r.nextInt(junk.length())));
                    default -> b.setCharAt(at, junk.charAt(r.nextInt(junk.length())));
                }
            }
            agrees(b.toString());
        }
    }

    @Test
    void deepDocumentsAgreeOnBothSidesOfTheFastPathsDepth() {
        for (int depth : new int[] {
            JsonbCanonicalText.FAST_MAX_DEPTH - 1,
            JsonbCanonicalText.FAST_MAX_DEPTH,
            JsonbCanonicalText.FAST_MAX_DEPTH + 1,
            9_999
        }) {
            String arrays = "[".repeat(depth) + "1" + "]".repeat(depth);
            String objects = "{\"k\": ".repeat(depth) + "{\"b\": 1, \"a\": 2}" + "}".repeat(depth);
            assertThat(agrees(arrays)).isEqualTo(depth <= JsonbCanonicalText.FAST_MAX_DEPTH);
            assertThat(agrees(objects)).isEqualTo(false); // the innermost object needs sorting
            assertThat(canonical(objects)).endsWith("{\"a\":2,\"b\":1}" + "}".repeat(depth));
        }
    }

    @Test
    void longNumbersAndStringsAgree() {
        String digits = "9".repeat(JsonbCanonicalText.FAST_MAX_NUMBER_CHARS + 5);
        agrees("[" + digits + ", 1e" + 400 + ", \"" + "x".repeat(100_000) + "\"]");
        agrees("{\"a\": 1e300}");
        assertThat(canonical("[1e300]")).hasSize(303);
    }

    // ---------------------------------------------------------------- bytes

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }

    /** Well-formed and malformed UTF-8 of every kind, in a string, in a key and between tokens. */
    private static final byte[][] SEQUENCES = {
        bytes(0xc3, 0xa9), // é
        bytes(0xe2, 0x98, 0x89), // ☉
        bytes(0xf0, 0x9f, 0x98, 0x80), // 😀
        bytes(0xef, 0xbf, 0xbd), // U+FFFD itself
        bytes(0xef, 0xbb, 0xbf), // U+FEFF (a BOM anywhere)
        bytes(0xdf, 0xbf), // U+07FF
        bytes(0xe0, 0xa0, 0x80), // U+0800
        bytes(0xed, 0x9f, 0xbf), // U+D7FF
        bytes(0xee, 0x80, 0x80), // U+E000
        bytes(0xf4, 0x8f, 0xbf, 0xbf), // U+10FFFF
        bytes(0xc2, 0x80), // U+0080
        bytes(0xc0, 0xaf), // overlong '/'
        bytes(0xc1, 0xbf), // overlong
        bytes(0xe0, 0x80, 0xaf), // overlong '/'
        bytes(0xe0, 0x9f, 0xbf), // overlong
        bytes(0xf0, 0x80, 0x80, 0xaf), // overlong '/'
        bytes(0xf0, 0x8f, 0xbf, 0xbf), // overlong
        bytes(0xed, 0xa0, 0x80), // encoded high surrogate
        bytes(0xed, 0xbf, 0xbf), // encoded low surrogate
        bytes(0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80), // an encoded surrogate pair (CESU-8)
        bytes(0xf4, 0x90, 0x80, 0x80), // above U+10FFFF
        bytes(0xf5, 0x80, 0x80, 0x80),
        bytes(0xf8, 0x88, 0x80, 0x80, 0x80), // five bytes
        bytes(0xff),
        bytes(0xfe),
        bytes(0x80), // lone continuation bytes
        bytes(0xbf),
        bytes(0x80, 0x80),
        bytes(0xc3), // truncated
        bytes(0xe2, 0x98),
        bytes(0xf0, 0x9f, 0x98),
        bytes(0xc3, 0x41), // a lead byte before ASCII
        bytes(0xe2, 0x22), // ... before the closing quote
        bytes(0xc3, 0x5c), // ... before a backslash
        bytes(0x00), // NUL: a raw control character
        bytes(0x7f),
    };

    @Test
    void bytesAgreeOnWellFormedAndMalformedUtf8() {
        JsonbCanonicalText shared = new JsonbCanonicalText();
        for (byte[] seq : SEQUENCES) {
            for (String[] around : new String[][] {
                {"\"", "\""},
                {"[\"a", "b\"]"},
                {"{\"a\": \"", "\", \"b\": 1}"},
                {"{\"", "\": 1}"},
                {"{\"a\": 1, \"", "\": 2}"},
                {"{\"", "\": 1, \"a\": 2}"}, // a longer key first: out of order, the general path
                {"{\"b\": 1, \"a\": \"", "\"}"}, // out of order before the bytes
                {"", ""},
                {"", "{}"},
                {"{}", ""},
                {"[1,", "2]"},
                {"[\"\\u00e9\", \"", "\"]"},
                {"[\"\\ud83d\\ude00\", \"", "\"]"},
                {"[\"\\ud800\", \"", "\"]"},
                {"[1e2, -0, \"", "\"]"},
                {"\"x", ""}, // cut off inside the string
            }) {
                bytesAgree(concat(around[0], seq, around[1]), shared);
                // Twice in a row, and cut after each byte.
                byte[] doubled = Arrays.copyOf(seq, 2 * seq.length);
                System.arraycopy(seq, 0, doubled, seq.length, seq.length);
                byte[] twice = concat(around[0], doubled, around[1]);
                for (int cut = 0; cut <= twice.length; cut++) {
                    bytesAgree(Arrays.copyOf(twice, cut), shared);
                }
            }
        }
    }

    @Test
    void bytesAgreeOnHandPickedNonAsciiAndEscapes() {
        JsonbCanonicalText shared = new JsonbCanonicalText();
        for (String text : List.of(
                "{\"z\": 1, \"é\": 2, \"☉\": 3, \"😀\": 4}",
                "{\"😀\": 1, \"☉\": 2}",
                "{\"é\": 1, \"e\\u0301\": 2}",
                "[\"\uFFFD\", \"\\ufffd\", \"a\uFFFDb\"]",
                "{\"\uFFFD\": \"\uFFFD\"}",
                "[\"\\u00e9\", \"\\u00E9\", \"é\"]",
                "{\"k\\u00e9\": 1, \"ké\": 2}",
                "[\"\\ud83d\\ude00\", \"😀\", \"\\ud83d\", \"\\ude00\", \"\\ude00\\ud83d\"]",
                "{\"a\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\\u001F\", \"é\": \"\\ud83d\\ude00\"}",
                "\uFEFF{}",
                "{\"a\": \"ünïcödé ☉☽ 😀\"} trailing",
                "[\"ü\"]x",
                "\"ü\" \"ü\"",
                "[" + "9".repeat(JsonbCanonicalText.FAST_MAX_NUMBER_CHARS + 5) + ", \"é\", 1e400]",
                "{\"é\": " + "[".repeat(JsonbCanonicalText.FAST_MAX_DEPTH + 3) + "\"☉\""
                        + "]".repeat(JsonbCanonicalText.FAST_MAX_DEPTH + 3) + "}",
                "{\"é\": " + "[".repeat(9_000) + "\"☉\"" + "]".repeat(9_000) + "}")) {
            bytesAgree(text, shared);
        }
    }

    /** Random documents cut, spliced or overwritten at the byte level, so that characters break. */
    @Test
    void bytesAgreeOnMangledNonAsciiDocuments() {
        Random r = new Random(11);
        JsonbCanonicalText shared = new JsonbCanonicalText();
        byte[] junk = bytes(
                '{', '}', '[', ']', '"', ',', ':', '\\', ' ', '0', 'e', 'u', 0x00, 0x80, 0xbf, 0xc0, 0xc3, 0xa9, 0xe0,
                0xe2, 0xed, 0xa0, 0xef, 0xf0, 0xf4, 0x90, 0xf5, 0xff);
        for (int i = 0; i < 20_000; i++) {
            byte[] doc = postgresSpacing(DOCUMENTS.document(r)).getBytes(StandardCharsets.UTF_8);
            bytesAgree(doc, shared);
            byte[] m = doc.clone();
            int edits = 1 + r.nextInt(3);
            for (int e = 0; e < edits && m.length > 0; e++) {
                int at = r.nextInt(m.length);
                switch (r.nextInt(3)) {
                    case 0 -> m = Arrays.copyOf(m, at);
                    case 1 -> {
                        byte[] n = new byte[m.length + 1];
                        System.arraycopy(m, 0, n, 0, at);
                        n[at] = junk[r.nextInt(junk.length)];
                        System.arraycopy(m, at, n, at + 1, m.length - at);
                        m = n;
                    }
                    default -> m[at] = junk[r.nextInt(junk.length)];
                }
            }
            bytesAgree(m, shared);
        }
    }

    /** {@link Utf8Json#isValid} is exactly "decodes without a replacement", on every 1-4 byte prefix of a broad sample. */
    @Test
    void wellFormedIsWhatTheDecoderDecodesWithoutReplacement() {
        int[] tails = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc3, 0xe2, 0xf0, 0xff};
        for (int b0 = 0; b0 < 256; b0++) {
            checkValidity(bytes(b0));
            for (int b1 = 0; b1 < 256; b1++) {
                checkValidity(bytes(b0, b1));
                for (int b2 : tails) {
                    checkValidity(bytes(b0, b1, b2));
                    if (b0 < 0xe0 && b1 < 0xe0 && b2 < 0xc0) {
                        continue; // no sequence that could reach a fourth byte
                    }
                    for (int b3 : tails) {
                        checkValidity(bytes(b0, b1, b2, b3));
                    }
                }
            }
        }
    }

    private static void checkValidity(byte[] a) {
        // Well-formed exactly when decoding and encoding again gives the same bytes (a replacement never does).
        boolean decodes = Arrays.equals(new String(a, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), a);
        if (Utf8Json.isValid(a, 0, a.length) != decodes) {
            throw new AssertionError(Arrays.toString(a) + ": isValid says " + !decodes);
        }
    }

    // ---------------------------------------------------------------- random documents

    private static final String[] KEYS = {
        "a", "b", "B", "aa", "ab", "", "é", "ä", "z", "☉", "😀", "10", "9", "k\\u00e9", "ké", "a\\nb", "x\ud800", "?"
    };
    private static final String[] STRINGS = {
        "",
        "x",
        "ünïcödé ☉☽",
        "tab\\tnew\\nline",
        "quote\\\" back\\\\",
        "\\u00e9",
        "\\u001f and \\u001F and \\u0000",
        "\\u0008",
        "\\/",
        "😀",
        "\\ud83d\\ude00",
        "\\ud800",
        "lone \ud800 raw",
        "del \u007f"
    };
    private static final String[] NUMBERS = {
        "0",
        "-0",
        "7",
        "-42",
        "9007199254740993",
        "0.5",
        "-0.0",
        "0.000",
        "1.50",
        "-267.19282",
        "1e2",
        "1E-10",
        "-2.5e+3",
        "1.0e0",
        "-0e5",
        "1.000E-3",
        "0.0000000001"
    };

    private static final RandomJsonDocuments DOCUMENTS = new RandomJsonDocuments(KEYS, STRINGS, NUMBERS, 5, 7, false);

    /**
     * A compact text as PostgreSQL prints jsonb: a space after every comma and colon between
     * tokens, control characters as lower-case <code>&#92;u00xx</code>.
     */
    static String postgresSpacing(String compact) {
        StringBuilder b = new StringBuilder(compact.length() + 64);
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            b.append(c);
            if (inString) {
                if (c == '\\') {
                    char e = compact.charAt(++i);
                    b.append(e);
                    if (e == 'u') {
                        b.append(compact.substring(i + 1, i + 5).toLowerCase(java.util.Locale.ROOT));
                        i += 4;
                    }
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ',' || c == ':') {
                b.append(' ');
            }
        }
        return b.toString();
    }

    /** The same text with random JSON whitespace between tokens. */
    private static String randomSpacing(Random r, String compact) {
        String ws = " \t\n\r";
        StringBuilder b = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (!inString && r.nextInt(3) == 0) {
                b.append(ws.charAt(r.nextInt(4)));
            }
            b.append(c);
            if (inString) {
                if (c == '\\') {
                    b.append(compact.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            }
        }
        if (r.nextBoolean()) {
            b.append(' ');
        }
        return b.toString();
    }
}
