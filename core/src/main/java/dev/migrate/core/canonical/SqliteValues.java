package dev.migrate.core.canonical;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.migrate.core.sql.SqliteDialect;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.JsonText;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.ValueCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads SQLite values as canonical staging values.
 *
 * <p>SQLite keeps a storage class per value, not per column, so each reader looks at what is
 * stored ({@code getObject}: Long/Integer, Double, String, byte[]) and accepts every form that
 * converts without loss: the forms import-sqlite writes (see {@code TypeMappings.toSqlite}:
 * booleans 0/1, decimals as text, temporals as ISO text, arrays as JSON text, NaN as the text
 * {@code NaN}) and the common hand-made ones ({@code 't'}/{@code 'false'} booleans, a {@code T}
 * or {@code Z} in timestamps, {@code +0530} offsets, a REAL in a NUMERIC column, a 16-byte BLOB
 * uuid). Anything else is refused with {@link IllegalArgumentException}; epoch numbers in
 * date/time columns are refused too, because their unit is a property of the whole column that
 * only export-sqlite's profiling can decide.
 */
public final class SqliteValues implements CanonicalReader {

    /** The one instance. */
    public static final SqliteValues INSTANCE = new SqliteValues();

    private SqliteValues() {}

    @Override
    public String selectExpression(String columnName, StagingType type) {
        return SqliteDialect.INSTANCE.quote(columnName);
    }

    @Override
    public ColumnReader reader(StagingType type) {
        ValueCodec codec = Codecs.forType(type);
        return (rs, i) -> {
            Object v = rs.getObject(i);
            return v == null ? null : fromStored(type, codec, v);
        };
    }

    /**
     * The canonical value of a stored SQLite value ({@code Long}/{@code Integer}, {@code Double},
     * {@code String} or {@code byte[]}) for the staging type.
     *
     * @throws IllegalArgumentException when the value has no lossless canonical form for the type
     */
    public static Object fromStored(StagingType type, Object stored) {
        return fromStored(type, Codecs.forType(type), stored);
    }

    private static Object fromStored(StagingType type, ValueCodec codec, Object v) {
        return switch (type.kind()) {
            case INT16, INT32, INT64 -> codec.canonical(integer(v));
            case DECIMAL -> decimal(v);
            case FLOAT32, FLOAT64 -> floating(v);
            case BOOLEAN -> bool(v);
            case TEXT, VARCHAR, CHAR, JSON, ENUM, SOURCE_TEXT -> text(v);
            case UUID -> uuid(codec, v);
            case JSONB -> JsonText.compact(text(v));
            case BYTES -> v instanceof byte[] b ? b : text(v).getBytes(StandardCharsets.UTF_8);
            case DATE, TIME, INTERVAL -> codec.canonical(temporalText(type, v));
            case TIMETZ -> codec.canonical(TemporalText.withNormalizedOffset(temporalText(type, v)));
            case TIMESTAMP -> codec.canonical(timestamp(temporalText(type, v), false));
            case TIMESTAMPTZ -> codec.canonical(timestamp(temporalText(type, v), true));
            case ARRAY -> array(codec, type, v);
        };
    }

    private static long integer(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw mismatch("an integer", v);
    }

    private static String decimal(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return v.toString();
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "NaN";
            }
            if (d.isInfinite()) {
                return d > 0 ? "Infinity" : "-Infinity";
            }
            // The shortest decimal that reads back to the same double: 12.5, not 12.5000000000000001.
            return new BigDecimal(Double.toString(d)).toPlainString();
        }
        String s = text(v).strip();
        switch (s) {
            case "NaN", "Infinity", "-Infinity" -> {
                return s;
            }
            default -> {
                try {
                    return new BigDecimal(s).toPlainString();
                } catch (NumberFormatException e) {
                    throw mismatch("a decimal", v);
                }
            }
        }
    }

    private static Double floating(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof String s) {
            String t = s.strip();
            switch (t) {
                case "NaN", "nan" -> {
                    return Double.NaN;
                }
                case "Infinity", "Inf", "inf", "infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity", "-Inf", "-inf", "-infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    // Plain decimal text only: Double.parseDouble would also take "0x1p3" or "1d".
                    if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                        return Double.parseDouble(t);
                    }
                }
            }
        }
        throw mismatch("a floating-point number", v);
    }

    private static Boolean bool(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            long l = ((Number) v).longValue();
            if (l == 0 || l == 1) {
                return l == 1;
            }
        }
        if (v instanceof String s) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "1", "t", "true" -> {
                    return Boolean.TRUE;
                }
                case "0", "f", "false" -> {
                    return Boolean.FALSE;
                }
                default -> {
                    // reported below
                }
            }
        }
        throw mismatch("a boolean (0/1)", v);
    }

    /** Text as stored; a number as Java prints it; a BLOB only when it is valid UTF-8. */
    private static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] b) {
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b))
                        .toString();
            } catch (CharacterCodingException e) {
                throw mismatch("text", "a BLOB of " + b.length + " bytes that is not UTF-8");
            }
        }
        return v.toString();
    }

    private static String uuid(ValueCodec codec, Object v) {
        if (v instanceof byte[] b && b.length == 16) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new java.util.UUID(buf.getLong(), buf.getLong()).toString();
        }
        if (!(v instanceof String)) {
            throw mismatch("a UUID", v);
        }
        return (String) codec.canonical(((String) v).strip());
    }

    private static String temporalText(StagingType type, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw mismatch("a " + type.kind().jsonName() + " as ISO text", v);
    }

    /**
     * ISO text with a {@code T} or a space, {@code Z} or an offset in any common spelling; a
     * timestamptz without an offset is taken as UTC.
     */
    private static String timestamp(String s, boolean withOffset) {
        if (s.equals("infinity") || s.equals("-infinity")) {
            return s;
        }
        String t = s;
        int sep = t.indexOf('T', 1);
        if (sep > 0) {
            t = t.substring(0, sep) + ' ' + t.substring(sep + 1);
        }
        int at = TemporalText.offsetStart(t);
        if (withOffset) {
            // No offset: SQLite's own CURRENT_TIMESTAMP and datetime() write UTC without one.
            return at < 0 ? t + "+00:00" : TemporalText.withNormalizedOffset(t);
        }
        if (at >= 0) {
            throw mismatch("a timestamp without a UTC offset", s);
        }
        return t;
    }

    private static Object array(ValueCodec codec, StagingType type, Object v) {
        String json = text(v);
        try (JsonParser p = StagingJson.FACTORY.createParser(json)) {
            p.nextToken();
            Object out = codec.read(p);
            if (p.nextToken() != null) {
                throw mismatch("one JSON array", json);
            }
            return out;
        } catch (JsonProcessingException e) {
            throw mismatch("a JSON array for " + type, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalArgumentException mismatch(String expected, Object found) {
        String shown = found instanceof byte[] b ? "a BLOB of " + b.length + " bytes" : String.valueOf(found);
        return new IllegalArgumentException("expected " + expected + ", found " + PostgresValues.shorten(shown));
    }
}
