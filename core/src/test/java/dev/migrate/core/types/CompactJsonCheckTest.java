package dev.migrate.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcut of {@link JsonText#compact} must answer exactly what the general path answers
 * whenever it says yes: it may only accept text that Jackson accepts and rebuilds to the same
 * characters.
 */
class CompactJsonCheckTest {

    @Test
    void acceptsCompactTextWithTheGeneratorsEscapes() {
        for (String doc : List.of(
                "{\"a\":1}",
                "[]",
                "{}",
                "[[],{},[{}]]",
                "\"\"",
                "null",
                "true",
                "false",
                "-0",
                "0.5e-7",
                "1E+400",
                "{\"a\":\"x\\\"y\\\\z\\n\\t\\r\\b\\f\\u0000\\u001F\\u000B\"}",
                "{\"l\":\"ünïcödé ☉☽ multi\\nline \\\\ back\",\"n\":[1.50,-2,3e2]}",
                "{\"a\":1,\"a\":2}")) {
            assertThat(CompactJsonCheck.isCompact(doc)).as(doc).isTrue();
            assertThat(JsonText.compactGeneral(doc)).as(doc).isEqualTo(doc);
            assertThat(JsonText.compact(doc)).as(doc).isSameAs(doc);
        }
    }

    @Test
    void leavesEverythingElseToTheGeneralPath() {
        for (String doc : List.of(
                "",
                " 1",
                "{\"a\": 1}",
                "\"\\u001f\"",
                "\"\\u000a\"",
                "\"\\u0041\"",
                "\"\\/\"",
                "01",
                "1.",
                ".5",
                "+1",
                "-",
                "1e",
                "[1,]",
                "{\"a\":}",
                "{\"a\"1}",
                "[1]]",
                "[1",
                "tru",
                "nul",
                "NaN",
                "\"a",
                "\"a\tb\"",
                "[".repeat(65) + "]".repeat(65),
                "1".repeat(1001))) {
            assertThat(CompactJsonCheck.isCompact(doc)).as(doc).isFalse();
        }
        assertThat(CompactJsonCheck.isCompact("[".repeat(64) + "]".repeat(64))).isTrue();
        assertThat(JsonText.compact("\"\\u001f\"")).isEqualTo("\"\\u001F\"");
        assertThat(JsonText.compact("{\"a\": 1}")).isEqualTo("{\"a\":1}");
    }

    /** Random token soup: whenever the shortcut says yes, Jackson accepts it and rebuilds it unchanged. */
    @Test
    void neverAcceptsWhatTheGeneralPathWouldRefuseOrChange() {
        String[] pieces = {
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "\"a\"",
            "\"\\\"\"",
            "\\",
            "\\u00",
            "\\u001F",
            "\\u001f",
            "\\n",
            "\\/",
            "1",
            "0",
            "-",
            ".",
            "e",
            "E",
            "+",
            "5",
            "true",
            "false",
            "null",
            "tru",
            " ",
            "\t",
            "\n",
            "é",
            "☉",
            "\u0001",
            "\\u0041",
            "\\uD83D\\uDE00",
            "\"k\":",
            "x",
            "00"
        };
        Random random = new Random(42);
        int accepted = 0;
        for (int round = 0; round < 400_000; round++) {
            StringBuilder b = new StringBuilder();
            int count = 1 + random.nextInt(12);
            for (int k = 0; k < count; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String doc = b.toString();
            if (CompactJsonCheck.isCompact(doc)) {
                accepted++;
                assertThat(JsonText.compactGeneral(doc)).as(doc).isEqualTo(doc);
            }
        }
        assertThat(accepted).isGreaterThan(1000);
    }

    /** Documents the generator writes (every control character, keys, nesting) are all taken by the shortcut. */
    @Test
    void acceptsWhatTheGeneratorWrites() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = JsonText.FACTORY.createGenerator(w)) {
                writeRandom(g, random, 0);
            }
            String doc = w.toString();
            assertThat(CompactJsonCheck.isCompact(doc)).as(doc).isTrue();
            assertThat(JsonText.compactGeneral(doc)).as(doc).isEqualTo(doc);
        }
    }

    private static void writeRandom(JsonGenerator g, Random random, int depth) throws IOException {
        switch (depth > 5 ? 2 + random.nextInt(4) : random.nextInt(6)) {
            case 0 -> {
                g.writeStartObject();
                for (int i = random.nextInt(4); i > 0; i--) {
                    g.writeFieldName(randomString(random));
                    writeRandom(g, random, depth + 1);
                }
                g.writeEndObject();
            }
            case 1 -> {
                g.writeStartArray();
                for (int i = random.nextInt(4); i > 0; i--) {
                    writeRandom(g, random, depth + 1);
                }
                g.writeEndArray();
            }
            case 2 -> g.writeString(randomString(random));
            case 3 -> g.writeNumber(random.nextBoolean() ? "-12.50e+3" : "0");
            case 4 -> g.writeBoolean(random.nextBoolean());
            default -> g.writeNull();
        }
    }

    private static String randomString(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            b.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return b.toString();
    }

    @Test
    void invalidTextIsStillRefusedWithJacksonsMessage() {
        assertThatThrownBy(() -> JsonText.compact("{\"a\":01}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid JSON");
    }
}
