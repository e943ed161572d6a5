package dev.migrate.core.canonical;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.migrate.core.canonical.SqliteCell.StorageClass;
import dev.migrate.core.sql.SqliteDialect;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.ShortestDecimal;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.TemporalText;
import dev.migrate.core.types.UuidText;
import dev.migrate.core.types.ValueCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads SQLite values as canonical staging values: the one SQLite cell → staging value conversion
 * of the suite. export-sqlite writes what {@link #convert} returns for each cell of a column
 * (after profiling chose the column's staging type and {@link SqliteConversion}), and the
 * validator reads a SQLite file through {@link #reader}, which is the same conversion; so for any
 * file export-sqlite exports, the validator's value of every cell equals what export-sqlite wrote.
 *
 * <p>SQLite keeps a storage class per value, not per column, so the conversion looks at what is
 * stored ({@link SqliteCell}: INTEGER, REAL, TEXT with its raw bytes when they are not valid
 * UTF-8, BLOB) and accepts every form that converts without loss: the forms import-sqlite writes
 * (see {@code TypeMappings.toSqlite}: booleans 0/1, decimals as text, temporals as canonical text,
 * arrays as JSON text, the float texts {@code NaN} and {@value #NEGATIVE_ZERO}) and the forms
 * export-sqlite's profiling accepts ({@code 't'}/{@code 'false'} booleans, {@code HH:MM} times, a
 * {@code T} or {@code Z} in timestamps, date-only values in timestamp columns, {@code +0530}
 * offsets, REALs in decimal/text/json/bytes columns, 32-hex and 16-byte BLOB uuids, epoch numbers
 * in a column whose conversion says so). Anything else is refused with {@link
 * IllegalArgumentException}.
 */
public final class SqliteValues implements CanonicalReader {

    /** The one instance. */
    public static final SqliteValues INSTANCE = new SqliteValues();

    /**
     * How import-sqlite stores a float's -0.0, and how it is read back. A column with REAL affinity
     * would store a bound -0.0 (or the texts {@code '-0.0'}, {@code '-0'}) as the integer 0; this
     * text is not a well-formed number, so affinity leaves it alone, and its numeric prefix makes
     * {@code CAST(x AS REAL)} return -0.0.
     */
    public static final String NEGATIVE_ZERO = "-0.0 (negative zero)";

    /** How import-sqlite stores a float's NaN (SQLite stores a NaN REAL as NULL). */
    public static final String NAN = "NaN";

    private static final Pattern PLAIN_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** A uuid text in the 8-4-4-4-12 form, any case. */
    public static final Pattern UUID_HYPHENATED =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A uuid text of 32 hex digits without hyphens, any case. */
    public static final Pattern UUID_PLAIN = Pattern.compile("[0-9a-fA-F]{32}");

    private SqliteValues() {}

    @Override
    public String selectExpression(String columnName, StagingType type) {
        return SqliteDialect.INSTANCE.quote(columnName);
    }

    /** A reader for a column without conversion ({@link SqliteConversion#NONE}). */
    @Override
    public ColumnReader reader(StagingType type) {
        return reader(type, SqliteConversion.NONE);
    }

    /**
     * A reader for one column: {@link #convert}, then the staging codec's canonical form (what the
     * staging writer stores for the same value). Holds one {@link SqliteCell}: one reader per query.
     *
     * <p>SQLite does not enforce a declared decimal precision or character length, so those are
     * not checked here: a value that exceeds them is read as it is, and a comparison then says
     * how it differs, which tells more than refusing to read it.
     */
    public ColumnReader reader(StagingType type, SqliteConversion conversion) {
        ValueCodec codec = Codecs.forType(withoutSizeLimits(type));
        CellConverter converter = converter(type, conversion);
        SqliteCell cell = new SqliteCell();
        return (rs, i) -> {
            cell.read(rs, i);
            return cell.isNull() ? null : codec.canonical(converter.convert(cell));
        };
    }

    private static StagingType withoutSizeLimits(StagingType type) {
        return switch (type.kind()) {
            case DECIMAL -> StagingType.decimal(null, null);
            case VARCHAR, CHAR -> StagingType.of(type.kind());
            default -> type;
        };
    }

    /**
     * The canonical value of a stored SQLite value ({@code Long}/{@code Integer}, {@code Double},
     * {@code String} or {@code byte[]}) for the staging type, without conversion.
     *
     * @throws IllegalArgumentException when the value has no lossless canonical form for the type
     */
    public static Object fromStored(StagingType type, Object stored) {
        SqliteCell cell = new SqliteCell();
        if (stored instanceof Long || stored instanceof Integer) {
            cell.set(StorageClass.INTEGER, stored);
        } else if (stored instanceof Double || stored instanceof Float) {
            cell.set(StorageClass.REAL, stored);
        } else if (stored instanceof String) {
            cell.set(StorageClass.TEXT, stored);
        } else if (stored instanceof byte[]) {
            cell.set(StorageClass.BLOB, stored);
        } else {
            throw mismatch("a SQLite value", stored);
        }
        return Codecs.forType(withoutSizeLimits(type)).canonical(convert(type, SqliteConversion.NONE, cell));
    }

    /**
     * The staging value of a non-null cell of a column of the given staging type and conversion: a
     * value the type's codec accepts, which its {@code canonical} turns into the canonical form (the
     * staging writer does that for every value written).
     *
     * @throws IllegalArgumentException when the cell has no lossless value of that type
     */
    public static Object convert(StagingType type, SqliteConversion conversion, SqliteCell c) {
        return converter(type, conversion).convert(c);
    }

    /**
     * {@link #convert} for every cell of one column, chosen once: a small function per type rather
     * than one switch per cell. The switch made {@code convert} one large method whose branches
     * every column's profile kept alive; the JIT compiled it, inlined into each reading loop, at
     * ~1 CPU s of a validate run that has two cores for everything (docs/performance.md).
     */
    public static CellConverter converter(StagingType type, SqliteConversion conversion) {
        CellConverter plain = switch (type.kind()) {
            case INT16, INT32, INT64 -> SqliteValues::integer;
            case DECIMAL -> SqliteValues::decimal;
            case FLOAT32, FLOAT64 -> SqliteValues::floating;
            case BOOLEAN -> SqliteValues::bool;
            case TEXT, VARCHAR, CHAR, ENUM, SOURCE_TEXT -> SqliteValues::text;
            case JSON, JSONB -> SqliteValues::json;
            case UUID -> SqliteValues::uuid;
            case BYTES -> SqliteValues::bytes;
            case DATE -> SqliteValues::date;
            case TIME ->
                c -> {
                    String s = temporalText(type, c);
                    return TemporalText.isCanonicalTime(s) ? s : time(c, TemporalText.time(s));
                };
            case TIMETZ -> c -> time(c, TemporalText.timeWithOffset(temporalText(type, c)));
            case TIMESTAMP -> c -> timestamp(type, c, false);
            case TIMESTAMPTZ -> c -> timestamp(type, c, true);
            case INTERVAL -> c -> temporalText(type, c);
            case ARRAY -> c -> array(type, c);
        };
        if (!conversion.isEpoch()) {
            return plain;
        }
        CellConverter epoch = switch (type.kind()) {
            case DATE -> c -> TemporalText.dateFromEpoch(c.integer(), conversion.milliseconds());
            case TIMESTAMPTZ -> c -> TemporalText.fromEpoch(c.integer(), conversion.milliseconds());
            default ->
                c -> {
                    throw new IllegalArgumentException(
                            "an epoch conversion needs a date or timestamptz column, not " + type);
                };
        };
        return c -> c.storageClass() == StorageClass.INTEGER ? epoch.convert(c) : plain.convert(c);
    }

    /** The staging value of one non-null cell of a column ({@link #converter}). */
    @FunctionalInterface
    public interface CellConverter {
        /**
         * @throws IllegalArgumentException when the value has no lossless canonical form for the
         *     column's type
         */
        Object convert(SqliteCell cell);
    }

    /**
     * A REAL as text, the way SQLite writes it but with the shortest round-trip digits: plain
     * notation with at least one fractional digit between 1e-4 and 1e15 ({@code 12.0}, {@code
     * 0.5}), otherwise {@code 1.0e+20}. Infinity is {@code Inf}/{@code -Inf} as SQLite prints it.
     */
    public static String realText(double d) {
        if (Double.isNaN(d)) {
            return NAN;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal b = ShortestDecimal.of(d);
        double abs = Math.abs(d);
        if (abs >= 1e-4 && abs < 1e15) {
            String plain = b.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        BigDecimal unscaled = b.stripTrailingZeros();
        int exponent = unscaled.precision() - unscaled.scale() - 1;
        String m = unscaled.movePointLeft(exponent).toPlainString();
        if (!m.contains(".")) {
            m = m + ".0";
        }
        return m + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    // ------------------------------------------------------------------ numbers

    private static long integer(SqliteCell c) {
        switch (c.storageClass()) {
            case INTEGER -> {
                return c.integer();
            }
            case REAL -> {
                double d = c.real();
                if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                    return (long) d;
                }
            }
            case TEXT -> {
                if (c.validText()) {
                    try {
                        return Long.parseLong(c.text().strip());
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
            }
            default -> {
                // reported below
            }
        }
        throw mismatch("an integer", c);
    }

    private static String decimal(SqliteCell c) {
        switch (c.storageClass()) {
            case INTEGER -> {
                return Long.toString(c.integer());
            }
            case REAL -> {
                double d = c.real();
                if (Double.isInfinite(d)) {
                    return d > 0 ? "Infinity" : "-Infinity";
                }
                // The shortest decimal that reads back to the same double: 0.1, not 0.1000000000000000055...
                return Double.isNaN(d) ? NAN : ShortestDecimal.plain(d);
            }
            default -> {
                String s = text(c).strip();
                switch (s) {
                    case NAN, "Infinity", "-Infinity" -> {
                        return s;
                    }
                    default -> {
                        try {
                            return new BigDecimal(s).toPlainString();
                        } catch (NumberFormatException e) {
                            throw mismatch("a decimal", c);
                        }
                    }
                }
            }
        }
    }

    private static Double floating(SqliteCell c) {
        switch (c.storageClass()) {
            case REAL -> {
                return c.real();
            }
            case INTEGER -> {
                return (double) c.integer();
            }
            case TEXT -> {
                String t = c.validText() ? c.text().strip() : "";
                switch (t) {
                    case NAN, "nan" -> {
                        return Double.NaN;
                    }
                    case NEGATIVE_ZERO -> {
                        return -0.0;
                    }
                    case "Infinity", "Inf", "inf", "infinity" -> {
                        return Double.POSITIVE_INFINITY;
                    }
                    case "-Infinity", "-Inf", "-inf", "-infinity" -> {
                        return Double.NEGATIVE_INFINITY;
                    }
                    default -> {
                        // Plain decimal text only: Double.parseDouble would also take "0x1p3" or "1d".
                        if (PLAIN_FLOAT.matcher(t).matches()) {
                            return Double.parseDouble(t);
                        }
                    }
                }
            }
            default -> {
                // reported below
            }
        }
        throw mismatch("a floating-point number", c);
    }

    private static Boolean bool(SqliteCell c) {
        if (c.storageClass() == StorageClass.INTEGER && (c.integer() == 0 || c.integer() == 1)) {
            return c.integer() == 1;
        }
        if (c.storageClass() == StorageClass.TEXT && c.validText()) {
            switch (c.text().strip().toLowerCase(Locale.ROOT)) {
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
        throw mismatch("a boolean (0/1)", c);
    }

    // ------------------------------------------------------------------ text, json, uuid, bytes

    /** Text as stored; a BLOB only when it is valid UTF-8; an integer in digits; a REAL as {@link #realText}. */
    private static String text(SqliteCell c) {
        return switch (c.storageClass()) {
            case TEXT -> {
                if (!c.validText()) {
                    throw mismatch("text", "a text of " + c.bytes().length + " bytes that is not UTF-8");
                }
                yield c.text();
            }
            case BLOB -> {
                String decoded = SqliteCell.decodeStrictly(c.bytes(), StandardCharsets.UTF_8);
                if (decoded == null) {
                    throw mismatch("text", "a BLOB of " + c.bytes().length + " bytes that is not UTF-8");
                }
                yield decoded;
            }
            case INTEGER -> Long.toString(c.integer());
            case REAL -> realText(c.real());
            case NULL -> throw mismatch("text", "NULL");
        };
    }

    /** JSON text; a number stored as a SQLite number is that JSON number (a REAL in plain notation). */
    private static String json(SqliteCell c) {
        if (c.storageClass() == StorageClass.REAL) {
            if (Double.isNaN(c.real()) || Double.isInfinite(c.real())) {
                throw mismatch("a JSON number", c);
            }
            return ShortestDecimal.plain(c.real());
        }
        return text(c);
    }

    private static String uuid(SqliteCell c) {
        if (c.storageClass() == StorageClass.BLOB && c.bytes().length == 16) {
            // Big-endian, as Python's uuid.bytes and Java's UUID halves are written.
            ByteBuffer buf = ByteBuffer.wrap(c.bytes());
            return new java.util.UUID(buf.getLong(), buf.getLong()).toString();
        }
        if (c.storageClass() == StorageClass.TEXT && c.validText()) {
            String s = c.text().strip();
            if (UuidText.isCanonical(s)) {
                // What import-sqlite stores: no regex, no copy (the regex was ~6 % of validating a
                // uuid-keyed table).
                return s;
            }
            if (UUID_HYPHENATED.matcher(s).matches()) {
                return s.toLowerCase(Locale.ROOT);
            }
            if (UUID_PLAIN.matcher(s).matches()) {
                String l = s.toLowerCase(Locale.ROOT);
                return l.substring(0, 8) + "-" + l.substring(8, 12) + "-" + l.substring(12, 16) + "-"
                        + l.substring(16, 20) + "-" + l.substring(20);
            }
        }
        throw mismatch("a UUID (8-4-4-4-12 or 32 hex digits, or a 16-byte BLOB)", c);
    }

    private static byte[] bytes(SqliteCell c) {
        return switch (c.storageClass()) {
            case BLOB -> c.bytes();
            // Invalid text keeps its stored bytes exactly; valid text is its UTF-8.
            case TEXT -> c.validText() ? c.text().getBytes(StandardCharsets.UTF_8) : c.bytes();
            case INTEGER, REAL -> text(c).getBytes(StandardCharsets.UTF_8);
            case NULL -> throw mismatch("bytes", "NULL");
        };
    }

    // ------------------------------------------------------------------ temporal

    private static String temporalText(StagingType type, SqliteCell c) {
        if (c.storageClass() == StorageClass.TEXT && c.validText()) {
            return c.text();
        }
        throw mismatch("a " + type.kind().jsonName() + " as ISO text", c);
    }

    private static String date(SqliteCell c) {
        String s = temporalText(StagingType.of(StagingKind.DATE), c);
        if (isInfinity(s) || TemporalText.isCanonicalDate(s)) {
            return s;
        }
        TemporalText.Parsed p = TemporalText.parse(s);
        if (p == null || p.form() != TemporalText.Form.DATE) {
            throw mismatch("a date (uuuu-MM-dd)", c);
        }
        return p.date();
    }

    private static String time(SqliteCell c, String canonical) {
        if (canonical == null) {
            throw mismatch("a time of day (HH:MM[:SS[.f]], with an offset for timetz)", c);
        }
        return canonical;
    }

    /**
     * ISO text with a {@code T} or a space, seconds optional, a date alone meaning midnight; {@code
     * Z} or an offset in any common spelling. A timestamptz without an offset is taken as UTC
     * (SQLite's {@code CURRENT_TIMESTAMP} and {@code datetime()} write UTC without one); a
     * timestamp with one is refused (dropping it would change the instant).
     */
    private static String timestamp(StagingType type, SqliteCell c, boolean withOffset) {
        String s = temporalText(type, c);
        if (isInfinity(s) || TemporalText.isCanonicalTimestamp(s, withOffset)) {
            return s;
        }
        TemporalText.Parsed p = TemporalText.parse(s);
        if (p == null) {
            throw mismatch("a " + type.kind().jsonName() + " (uuuu-MM-dd[ HH:MM[:SS[.f]]])", c);
        }
        if (withOffset) {
            return p.timestamptz("+00:00");
        }
        if (p.offset() != null) {
            throw mismatch("a timestamp without a UTC offset", c);
        }
        return p.timestamp();
    }

    private static boolean isInfinity(String s) {
        return s.equals("infinity") || s.equals("-infinity");
    }

    // ------------------------------------------------------------------ arrays

    /** import-sqlite's arrays: the staging JSON array as text. */
    private static Object array(StagingType type, SqliteCell c) {
        String json = text(c);
        try (JsonParser p = StagingJson.FACTORY.createParser(json)) {
            if (p.nextToken() == null) {
                // Empty or blank text: the codec would fail on the missing token with a bare NPE.
                throw mismatch("a JSON array for " + type, json);
            }
            Object out = Codecs.forType(type).read(p);
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

    // ------------------------------------------------------------------ messages

    private static IllegalArgumentException mismatch(String expected, SqliteCell c) {
        String shown = switch (c.storageClass()) {
            case NULL -> "NULL";
            case INTEGER -> Long.toString(c.integer());
            case REAL -> realText(c.real());
            case TEXT -> c.validText() ? c.text() : "a text of " + c.bytes().length + " bytes that is not UTF-8";
            case BLOB -> "a BLOB of " + c.bytes().length + " bytes";
        };
        return mismatch(expected, (Object) shown);
    }

    private static IllegalArgumentException mismatch(String expected, Object found) {
        String shown = found instanceof byte[] b ? "a BLOB of " + b.length + " bytes" : String.valueOf(found);
        return new IllegalArgumentException("expected " + expected + ", found " + PostgresValues.shorten(shown));
    }
}
