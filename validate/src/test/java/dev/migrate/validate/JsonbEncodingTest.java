package dev.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The jsonb encoding gives exactly the bytes of rendering Jackson's tree of the document
 * canonically (the reference here: keys in PostgreSQL's jsonb order, numbers as plain BigDecimal
 * text, Jackson's generator for the text), so it means what the tree means: same equalities on
 * hand-picked cases, malformed text, deep nesting and thousands of random documents.
 */
class JsonbEncodingTest {

    private static final ObjectMapper TREE = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StagingJson.FACTORY.streamReadConstraints())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static byte[] streaming(String text) {
        ComparableEncoder e = new ComparableEncoder();
        e.value(StagingType.of(StagingKind.JSONB), text);
        return e.toBytes();
    }

    /**
     * The reference: Jackson's tree of the document rendered by Jackson's generator, keys in
     * PostgreSQL's jsonb order, numbers as their plain BigDecimal text.
     */
    private static byte[] tree(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonNode node;
        try {
            node = TREE.readTree(text);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || node.isMissingNode()) {
            out.write('X');
            string(out, text);
        } else {
            out.write('J');
            StringWriter w = new StringWriter();
            try (JsonGenerator g = GENERATOR.createGenerator(w)) {
                node(g, node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            string(out, w.toString());
        }
        return out.toByteArray();
    }

    private static final JsonFactory GENERATOR = JsonFactory.builder()
            .streamWriteConstraints(
                    StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
            .build();

    private static void node(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                // PostgreSQL's jsonb key order: shorter UTF-8 key first, then bytewise.
                names.sort((x, y) -> {
                    byte[] a = x.getBytes(StandardCharsets.UTF_8);
                    byte[] b = y.getBytes(StandardCharsets.UTF_8);
                    return a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compareUnsigned(a, b);
                });
                g.writeStartObject();
                for (String name : names) {
                    g.writeFieldName(name);
                    node(g, n.get(name));
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : n) {
                    node(g, item);
                }
                g.writeEndArray();
            }
            case NUMBER -> g.writeNumber(n.decimalValue().toPlainString());
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            default -> g.writeNull();
        }
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        longValueInt(out, b.length);
        out.write(b, 0, b.length);
    }

    private static void longValueInt(ByteArrayOutputStream out, int n) {
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
    }

    private static void agrees(String text) {
        assertThat(streaming(text)).as(text).isEqualTo(tree(text));
    }

    @Test
    void handPickedDocumentsAndNonDocuments() {
        for (String text : List.of(
                "{}",
                "[]",
                "null",
                "\"null\"",
                "true",
                "0",
                "-0",
                "-0.0",
                "0.000",
                "-0.000",
                "1e2",
                "1E-10",
                "-2.5e+3",
                "6.02214076e23",
                "2.50",
                "9007199254740993",
                "123456789012345678901234567890",
                "-123456789012345678901234567890.000100",
                "3.141592653589793238462643383279",
                "{\"b\": 1, \"a\": [1, 1e2]}",
                "{\"a\": 1, \"a\": 2}",
                "{\"a\": {\"z\": 1, \"y\": [{\"b\": 2, \"a\": 1, \"b\": 3}]}, \"\": null, \"é\": \"\\u0000\"}",
                "{\"meta\":{\"label\":\"ünïcödé ☉☽ multi\\nline \\\\ back\",\"big_int\":9007199254740993,"
                        + "\"precise\":3.141592653589793238462643383279,\"tiny\":1e-10,\"nothing\":null,\"empty_obj\":{}}}",
                "  {\"a\" : 1 }  ",
                "{} trailing",
                "1 2",
                "",
                "   ",
                "{",
                "[1,]",
                "{\"a\":}",
                "nul",
                "\"unterminated",
                "NaN",
                "01",
                "{\"a\" 1}",
                "[1] ]",
                "{\"a\":1,}",
                "{\"b\": 1, \"aa\": 2, \"é\": 3, \"z\": 4, \"☉\": 5, \"😀\": 6, \"\": 7}",
                "{\"a\": 1, \"b\": 2, \"a\": 3, \"c\": {\"x\": 1, \"x\": [1, {\"y\": 1, \"y\": 2}]}}",
                "{\"lone\\ud800\": \"\\udc00 and \\ud83d\\ude00 and \\ud800x\"}",
                manyKeys())) {
            agrees(text);
        }
    }

    @Test
    void thousandsOfRandomDocuments() {
        Random r = new Random(20261121);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            document(r, b, 0);
            agrees(b.toString());
        }
    }

    /** An object with more keys than the encoder sorts by insertion, shuffled, with duplicates. */
    private static String manyKeys() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            members.add("\"k" + (i % 250) + "\": " + i);
        }
        java.util.Collections.shuffle(members, new Random(7));
        return "{" + String.join(", ", members) + "}";
    }

    /**
     * PostgreSQL's jsonb takes documents 10,000 levels deep and the staging files allow as much:
     * the encoder must not recurse per level (it did, and overflowed a 1 MB thread stack at a few
     * thousand levels). Encoded here on a 256 KB stack; the reference runs on a large one.
     */
    @Test
    void documentsAsDeepAsTheStagingLimitEncodeWithoutRecursion() throws Exception {
        // 9,999 levels each, just under the limit
        encodesDeep("[", "]", 9_999);
        encodesDeep("{\"k\":", "}", 9_999);
        encodesDeep("{\"b\":1,\"a\":[", "]}", 9_999 / 2);
    }

    private static void encodesDeep(String open, String close, int repeat) throws Exception {
        String text = open.repeat(repeat) + "1" + close.repeat(repeat);
        byte[] streamed = onStack(256 * 1024, () -> streaming(text));
        assertThat(streamed[0]).isEqualTo((byte) 'J');
        assertThat(streamed).isEqualTo(onStack(512 * 1024 * 1024, () -> tree(text)));
    }

    private static byte[] onStack(long stackSize, java.util.function.Supplier<byte[]> work) throws Exception {
        byte[][] out = new byte[1][];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        out[0] = work.get();
                    } catch (Throwable e) {
                        failure[0] = e;
                    }
                },
                "jsonb-depth",
                stackSize);
        t.start();
        t.join();
        assertThat(failure[0]).isNull();
        return out[0];
    }

    private static final String[] NUMBERS = {
        "0",
        "-0",
        "7",
        "-42",
        "2147483648",
        "9007199254740993",
        "123456789012345678901234567890",
        "0.5",
        "-0.0",
        "0.000",
        "1.50",
        "-267.19282",
        "3.141592653589793238462643383279",
        "1e2",
        "1E-10",
        "-2.5e+3",
        "6.02214076e23",
        "1.0e0",
        "-0e5",
        "1.000E-3"
    };
    private static final String[] KEYS = {"a", "b", "B", "aa", "", "é", "ä", "z", "☉", "10", "9"};
    private static final String[] STRINGS = {"", "x", "ünïcödé", "tab\\tnew\\nline", "quote\\\"", "\\u00e9", "😀"};

    private static final RandomJsonDocuments DOCUMENTS = new RandomJsonDocuments(KEYS, STRINGS, NUMBERS, 4, 6, true);

    private static void document(Random r, StringBuilder b, int depth) {
        DOCUMENTS.document(r, b, depth);
    }
}
