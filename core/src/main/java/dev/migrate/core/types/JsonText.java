package dev.migrate.core.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON documents held as text: validating ({@code json}), compacting ({@code jsonb}) and copying
 * one embedded value out of a parser. Copies go token by token and numbers are copied as their
 * source text, never through a double, so no digit is lost ({@code 1.50} stays {@code 1.50},
 * {@code 1e400} stays {@code 1e400}). Copying is iterative, so deeply nested documents cannot
 * overflow the stack.
 */
public final class JsonText {

    /**
     * Jackson's default limits (20 MB strings, 1000-digit numbers, depth 1000) would refuse
     * legitimate PostgreSQL documents; these are PostgreSQL's own orders of magnitude.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(DecimalText.MAX_INTEGER_DIGITS + DecimalText.MAX_FRACTION_DIGITS + 16)
                    .maxNestingDepth(100_000)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .streamWriteConstraints(
                    StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
            .build();

    private JsonText() {}

    /**
     * The same JSON value without insignificant whitespace; keys keep their order and duplicates
     * (as written), numbers keep their text.
     *
     * @throws IllegalArgumentException when the text is not exactly one JSON value
     */
    public static String compact(String json) {
        if (CompactJsonCheck.isCompact(json)) {
            // Checked and already compact (PostgreSQL's jsonb output without its whitespace, every
            // value read back from a table file): no parse, nothing built. Half the CPU of a
            // jsonb-heavy export or import went to the rebuild below before this.
            return json;
        }
        return compactGeneral(json);
    }

    /** {@link #compact} without the shortcut: Jackson validates, and rebuilds unless nothing can change. */
    static String compactGeneral(String json) {
        if (isPlainCompact(json)) {
            // Nothing to remove or re-escape: validating is enough, and nothing is built.
            validate(json);
            return json;
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) {
                throw Codecs.mismatch("a JSON value", json);
            }
            StringWriter w = new StringWriter(json.length());
            try (JsonGenerator g = FACTORY.createGenerator(w)) {
                copy(p, g);
            }
            if (p.nextToken() != null) {
                throw Codecs.mismatch("one JSON value", json);
            }
            return w.toString();
        } catch (JsonProcessingException e) {
            throw Codecs.mismatch("valid JSON (" + e.getOriginalMessage() + ")", json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when compacting could not change the text, if it is valid JSON: no whitespace outside
     * strings and no escape anywhere (the generator would write every other character as it is).
     * One pass, no allocation; text read back from a table file is always like this.
     */
    static boolean isPlainCompact(String json) {
        boolean inString = false;
        for (int i = 0, n = json.length(); i < n; i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                return false;
            }
            if (c == '"') {
                inString = !inString;
            } else if (!inString && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
                return false;
            }
        }
        return !json.isEmpty();
    }

    /**
     * Checks that the text is exactly one JSON value, without building anything.
     *
     * @throws IllegalArgumentException when it is not
     */
    public static void validate(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) {
                throw Codecs.mismatch("a JSON value", json);
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw Codecs.mismatch("one JSON value", json);
            }
        } catch (JsonProcessingException e) {
            throw Codecs.mismatch("valid JSON (" + e.getOriginalMessage() + ")", json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the text parses as exactly one JSON value. */
    public static boolean isValid(String json) {
        try {
            validate(json);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Copies the value at the parser's current token to compact text, leaving the parser on its last token. */
    public static String copyCurrent(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            copy(p, g);
        }
        return w.toString();
    }

    /** Copies the value at the parser's current token to the generator, leaving the parser on its last token. */
    static void copy(JsonParser p, JsonGenerator g) throws IOException {
        int depth = 0;
        for (JsonToken t = p.currentToken(); ; t = p.nextToken()) {
            if (t == null) {
                throw new IllegalArgumentException("expected a complete JSON value, found the end of the input");
            }
            switch (t) {
                case START_OBJECT -> {
                    g.writeStartObject();
                    depth++;
                }
                case START_ARRAY -> {
                    g.writeStartArray();
                    depth++;
                }
                case END_OBJECT -> {
                    g.writeEndObject();
                    depth--;
                }
                case END_ARRAY -> {
                    g.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> g.writeFieldName(p.currentName());
                case VALUE_STRING -> g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                // The number's source text, never a double: no digit is lost.
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                case VALUE_TRUE -> g.writeBoolean(true);
                case VALUE_FALSE -> g.writeBoolean(false);
                case VALUE_NULL -> g.writeNull();
                default -> throw new IllegalArgumentException("expected a JSON value, found " + t.asString());
            }
            if (depth == 0) {
                return;
            }
        }
    }
}
