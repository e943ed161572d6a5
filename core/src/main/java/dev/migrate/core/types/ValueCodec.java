package dev.migrate.core.types;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Writes and reads one staging type's JSON form. A codec sees only non-null values: the table
 * file layer writes and reads JSON {@code null} itself.
 */
public interface ValueCodec {

    /**
     * Writes a canonical value (see {@link StagingKind}) as JSON.
     *
     * @throws IllegalArgumentException when the value is not of the canonical Java type or form
     */
    void write(JsonGenerator generator, Object value) throws IOException;

    /**
     * Reads the value at the parser's current token (not null) and returns its canonical form.
     *
     * @throws IllegalArgumentException when the JSON is not this type's form; the message says
     *     what was expected and what was found, the caller adds the location
     */
    Object read(JsonParser parser) throws IOException;

    /**
     * Checks and normalises a canonical value without going through JSON: exporters call it so
     * that a bad value is reported where it is read, not when the file is imported.
     */
    Object canonical(Object value);
}
