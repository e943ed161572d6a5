package dev.migrate.core.types;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.core.types.CodecCases.Case;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every staging type's codec over its edge values, through a real Jackson generator and parser:
 * the canonical value, the exact JSON text, and the value read back.
 */
class CodecRoundTripTest {

    static List<Case> cases() {
        return CodecCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalNormalisesTheInput(Case c) {
        Object canonical = Codecs.forType(c.type()).canonical(c.input());
        assertSame(canonical, c.canonical());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalIsIdempotent(Case c) {
        ValueCodec codec = Codecs.forType(c.type());
        Object once = codec.canonical(c.input());
        assertSame(codec.canonical(once), once);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesTheSpecifiedJsonAsUtf8AndReadsTheCanonicalValueBack(Case c) throws IOException {
        ValueCodec codec = Codecs.forType(c.type());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = StagingJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            codec.write(g, c.input());
        }
        String json = out.toString(UTF_8);
        if (c.json() != null) {
            assertThat(json).isEqualTo(c.json());
        }
        try (JsonParser p = StagingJson.FACTORY.createParser(out.toByteArray())) {
            p.nextToken();
            assertSame(codec.read(p), c.canonical());
            assertThat(p.nextToken()).as("the codec consumed exactly its value").isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roundTripsThroughCharacterBasedJacksonToo(Case c) throws IOException {
        ValueCodec codec = Codecs.forType(c.type());
        StringWriter w = new StringWriter();
        try (JsonGenerator g = StagingJson.FACTORY.createGenerator(w)) {
            codec.write(g, c.input());
        }
        try (JsonParser p = StagingJson.FACTORY.createParser(w.toString())) {
            p.nextToken();
            assertSame(codec.read(p), c.canonical());
        }
    }

    @Test
    void negativeZeroKeepsItsSignBitThroughWriteAndRead() throws IOException {
        for (StagingKind kind : List.of(StagingKind.FLOAT32, StagingKind.FLOAT64)) {
            ValueCodec codec = Codecs.forType(StagingType.of(kind));
            StringWriter w = new StringWriter();
            try (JsonGenerator g = StagingJson.FACTORY.createGenerator(w)) {
                codec.write(g, -0.0);
            }
            assertThat(w.toString()).isEqualTo("-0.0");
            for (String json : List.of("-0.0", "-0", "-0e10", "-0.000")) {
                try (JsonParser p = StagingJson.FACTORY.createParser(json)) {
                    p.nextToken();
                    double back = (Double) codec.read(p);
                    assertThat(Double.doubleToRawLongBits(back))
                            .as(kind + " " + json)
                            .isEqualTo(Double.doubleToRawLongBits(-0.0));
                }
            }
        }
    }

    @Test
    void bytesUseStandardPaddedBase64ForAll256Values() throws IOException {
        ValueCodec codec = Codecs.forType(StagingType.of(StagingKind.BYTES));
        byte[] all = CodecCases.allBytes();
        StringWriter w = new StringWriter();
        try (JsonGenerator g = StagingJson.FACTORY.createGenerator(w)) {
            codec.write(g, all);
        }
        assertThat(w.toString()).isEqualTo("\"" + java.util.Base64.getEncoder().encodeToString(all) + "\"");
        try (JsonParser p = StagingJson.FACTORY.createParser(w.toString())) {
            p.nextToken();
            byte[] back = (byte[]) codec.read(p);
            assertThat(back).hasSize(256).containsExactly(all);
        }
    }

    @Test
    void everyKindHasAtLeastOneCase() {
        var covered = new java.util.HashSet<StagingKind>();
        for (Case c : CodecCases.all()) {
            covered.add(c.type().kind());
            covered.add(c.type().leaf().kind());
        }
        assertThat(covered).containsExactlyInAnyOrder(StagingKind.values());
    }

    static void assertSame(Object actual, Object expected) {
        assertThat(Values.same(actual, expected))
                .as("expected %s but was %s", Values.show(expected), Values.show(actual))
                .isTrue();
    }
}
