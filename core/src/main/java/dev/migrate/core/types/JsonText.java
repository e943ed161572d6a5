package dev.migrate.core.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON documents held as text: compacting (for jsonb) and copying one embedded value out of a
 * parser, token by token so numbers keep every digit ({@code 1.50} stays {@code 1.50},
 * {@code 1e400} stays {@code 1e400}).
 */
public final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonText() {}

    /** The same JSON value without insignificant whitespace; rejects anything that is not one JSON value. */
    public static String compact(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) {
                throw Codecs.mismatch("a JSON value", "empty text");
            }
            String out = copyCurrent(p);
            if (p.nextToken() != null) {
                throw Codecs.mismatch("one JSON value", json);
            }
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Codecs.mismatch("valid JSON", json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the text parses as exactly one JSON value. */
    public static boolean isValid(String json) {
        try {
            compact(json);
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

    private static void copy(JsonParser p, JsonGenerator g) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                g.writeStartObject();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    g.writeFieldName(p.currentName());
                    p.nextToken();
                    copy(p, g);
                }
                g.writeEndObject();
            }
            case START_ARRAY -> {
                g.writeStartArray();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    copy(p, g);
                }
                g.writeEndArray();
            }
            case VALUE_STRING -> g.writeString(p.getText());
            // The number's source text, never a double: no digit is lost.
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
            case VALUE_TRUE -> g.writeBoolean(true);
            case VALUE_FALSE -> g.writeBoolean(false);
            case VALUE_NULL -> g.writeNull();
            default -> throw Codecs.mismatch("a JSON value", t.asString());
        }
    }
}
