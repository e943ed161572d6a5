package dev.migrate.core.types;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Writes and reads one staging type's JSON form. A codec sees only non-null values: the table
 * file layer writes and reads JSON {@code null} itself. Codecs are immutable and thread-safe.
 */
public interface ValueCodec {

    /**
     * Checks a value with {@link #canonical} and writes it as JSON.
     *
     * @throws IllegalArgumentException when the value is not of the canonical Java type or form;
     *     nothing has been written then
     */
    default void write(JsonGenerator generator, Object value) throws IOException {
        writeCanonical(generator, canonical(value));
    }

    /**
     * Writes a value that {@link #canonical} returned, without checking it again (the table
     * writer validates a whole row first, then writes it, so a bad value never leaves half a row
     * in the file). Passing anything else is a programming error with unspecified results.
     */
    void writeCanonical(JsonGenerator generator, Object canonicalValue) throws IOException;

    /**
     * Reads the value at the parser's current token (not null) and returns its canonical form.
     *
     * @throws IllegalArgumentException when the JSON is not this type's form; the message says
     *     what was expected and what was found, the caller adds the location
     */
    Object read(JsonParser parser) throws IOException;

    /**
     * Checks and normalises a value without going through JSON, returning the canonical value
     * (the argument itself when it already is canonical). Exporters may call it to decide on a
     * fallback before writing; {@code TableWriter.writeRow} calls it for every value anyway.
     *
     * @throws IllegalArgumentException when the value is not of the canonical Java type, not of
     *     the canonical form, or does not fit the type's declared limits (length, precision,
     *     scale, range); the message says what was expected, what was found and why
     */
    Object canonical(Object value);
}
