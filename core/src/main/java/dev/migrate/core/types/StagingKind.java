package dev.migrate.core.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The logical types of the staging format. Each constant names its canonical Java value (what
 * exporters hand to a codec and importers get back) and its JSON form. Temporal values are kept
 * as canonical ISO-8601 text rather than java.time objects because PostgreSQL's range (BC dates,
 * 24:00:00, infinity) is wider than java.time's.
 */
public enum StagingKind {
    /** {@code Long} in [-32768, 32767]; JSON number. */
    INT16,
    /** {@code Long} in [-2147483648, 2147483647]; JSON number. */
    INT32,
    /** {@code Long}; JSON number. */
    INT64,
    /** {@code String} exact decimal text ({@code -12.3400}, {@code NaN}, {@code Infinity}); JSON string. */
    DECIMAL,
    /**
     * {@code Double} holding a float32 value as its shortest decimal ({@code 0.1}, not {@code
     * 0.10000000149011612}); JSON number, or the strings {@code NaN}, {@code Infinity}, {@code
     * -Infinity}.
     */
    FLOAT32,
    /** {@code Double}; JSON number, or the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    FLOAT64,
    /** {@code Boolean}; JSON true/false. */
    BOOLEAN,
    /** {@code String}; JSON string. */
    TEXT,
    /** {@code String} with a length limit; JSON string. */
    VARCHAR,
    /** {@code String}, blank-padded fixed length; JSON string. */
    CHAR,
    /** {@code String}, lowercase 8-4-4-4-12; JSON string. */
    UUID,
    /** {@code String}, the document's exact text (duplicate keys, whitespace), valid JSON; JSON string. */
    JSON,
    /**
     * {@code String}, compact JSON text (no insignificant whitespace; key order, duplicate keys and
     * number text as given); JSON string holding that text. Held as a string, not embedded, so a
     * jsonb {@code null} stays distinct from SQL NULL.
     */
    JSONB,
    /** {@code byte[]}; JSON string, base64 (RFC 4648, padded). */
    BYTES,
    /** {@code String} {@code uuuu-MM-dd}, astronomical year (year 0 = 1 BC), or {@code infinity}/{@code -infinity}. */
    DATE,
    /** {@code String} {@code HH:mm:ss[.ffffff]} (no trailing zeros in the fraction), {@code 24:00:00} allowed. */
    TIME,
    /** {@code String} {@code HH:mm:ss[.ffffff]+HH:MM[:SS]}; {@code Z} is normalised to {@code +00:00}. */
    TIMETZ,
    /** {@code String} {@code uuuu-MM-dd HH:mm:ss[.ffffff]}, or {@code infinity}/{@code -infinity}. */
    TIMESTAMP,
    /**
     * {@code String} {@code uuuu-MM-dd HH:mm:ss[.ffffff]+HH:MM[:SS]} ({@code Z} is normalised to
     * {@code +00:00}), or {@code infinity}/{@code -infinity}.
     */
    TIMESTAMPTZ,
    /** {@code String}, ISO-8601 duration as PostgreSQL's {@code iso_8601} IntervalStyle prints it. */
    INTERVAL,
    /** {@code List<Object>} of element values (nested lists for more dimensions, null elements allowed); JSON array. */
    ARRAY,
    /** {@code String}, one of the enum's labels; JSON string. */
    ENUM,
    /**
     * {@code String}: the explicit fallback for a type the suite has no rule for. Keeps the source's
     * text form and names the source type; the manifest and output list every such column.
     */
    SOURCE_TEXT;

    /** The manifest spelling, e.g. {@code int64}, {@code source_text}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StagingKind fromJson(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown staging type: " + name, e);
        }
    }

    /** True for date, time, timetz, timestamp, timestamptz and interval. */
    public boolean isTemporal() {
        return switch (this) {
            case DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ, INTERVAL -> true;
            default -> false;
        };
    }
}
