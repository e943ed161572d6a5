package dev.migrate.core.canonical;

import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.core.types.JsonText;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.TemporalText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads PostgreSQL values as canonical staging values.
 *
 * <p>Most types are selected as their text output ({@code "col"::text}) under fixed session
 * settings ({@link #SESSION_SETTINGS}: UTC, ISO dates, ISO-8601 intervals, shortest exact floats,
 * hex bytea), because PostgreSQL's text output is exact and covers values that Java's types do not
 * (BC dates, {@code infinity}, {@code 24:00:00}, 1000-digit numerics, NaN). Integers, booleans,
 * bytea and character types are read directly: they need no conversion, and {@code char(n)} must
 * not be cast to text, which would strip its blank padding.
 *
 * <p>Call {@link #prepareSession} once on the connection before reading.
 */
public final class PostgresValues implements CanonicalReader {

    /** The one instance. */
    public static final PostgresValues INSTANCE = new PostgresValues();

    /**
     * Session settings every read assumes: timestamptz printed in UTC, ISO date order, ISO-8601
     * intervals, the shortest text that reads back to the same float (PostgreSQL 12+ for any
     * value above 0), bytea in hex.
     */
    public static final List<String> SESSION_SETTINGS = List.of(
            "SET TimeZone = 'UTC'",
            "SET DateStyle = 'ISO, YMD'",
            "SET IntervalStyle = 'iso_8601'",
            "SET extra_float_digits = 3",
            "SET bytea_output = 'hex'");

    private PostgresValues() {}

    /** Applies {@link #SESSION_SETTINGS} to the connection (allowed inside a read-only transaction). */
    public static void prepareSession(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String setting : SESSION_SETTINGS) {
                s.execute(setting);
            }
        }
    }

    @Override
    public String selectExpression(String columnName, StagingType type) {
        String q = PostgresDialect.INSTANCE.quote(columnName);
        return switch (type.kind()) {
            case INT16, INT32, INT64, BOOLEAN, BYTES, TEXT, VARCHAR, CHAR, UUID, JSON, ENUM -> q;
            // ::numeric first so that money (and any numeric-castable type) prints as plain digits.
            case DECIMAL -> q + "::numeric::text";
            default -> q + "::text";
        };
    }

    @Override
    public ColumnReader reader(StagingType type) {
        return switch (type.kind()) {
            case INT16, INT32, INT64 ->
                (rs, i) -> {
                    long v = rs.getLong(i);
                    return rs.wasNull() ? null : v;
                };
            case BOOLEAN ->
                (rs, i) -> {
                    boolean v = rs.getBoolean(i);
                    return rs.wasNull() ? null : v;
                };
            case BYTES -> ResultSet::getBytes;
            case TEXT, VARCHAR, CHAR, JSON, ENUM -> ResultSet::getString;
            default -> {
                TextParser parser = parser(type);
                yield (rs, i) -> {
                    String text = rs.getString(i);
                    return text == null ? null : parse(type, parser, text);
                };
            }
        };
    }

    /**
     * A reader of one column of {@link PostgresCopyRows}: the same value as {@link #reader} reads
     * from a result set, since COPY's text format is the text output {@link #reader}'s getters
     * read.
     */
    public CopyReader copyReader(StagingType type) {
        TextParser parser = parser(type);
        return (row, i) -> {
            String text = row.text(i);
            return text == null ? null : parse(type, parser, text);
        };
    }

    /** Reads one column's value of the current row of a {@link PostgresCopyRows}. */
    @FunctionalInterface
    public interface CopyReader {
        /**
         * @param column 1-based
         * @throws IllegalArgumentException when the value has no canonical form for the column's type
         */
        Object read(PostgresCopyRows row, int column);
    }

    /**
     * The canonical value of a PostgreSQL text output (under {@link #SESSION_SETTINGS}) of a
     * value of the given staging type. Also used for the elements of arrays.
     *
     * @throws IllegalArgumentException when the text is not a value of that type
     */
    public static Object fromText(StagingType type, String text) {
        return parse(type, parser(type), text);
    }

    private static Object parse(StagingType type, TextParser parser, String text) {
        try {
            return parser.parse(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + type + ", found " + shorten(text));
        }
    }

    /**
     * {@link #fromText} for every value of one column, chosen once: a small function per type
     * rather than one switch per value, which the JIT compiled as one large method with every
     * column's branches alive (as {@link SqliteValues#converter}).
     */
    private static TextParser parser(StagingType type) {
        return switch (type.kind()) {
            case INT16, INT32, INT64 -> Long::parseLong;
            case DECIMAL -> PostgresValues::decimal;
            case FLOAT32 -> text -> Double.parseDouble(Float.toString(Float.parseFloat(text)));
            case FLOAT64 -> Double::parseDouble;
            case BOOLEAN -> PostgresValues::bool;
            case TEXT, VARCHAR, CHAR, JSON, ENUM, SOURCE_TEXT, TIME, INTERVAL -> text -> text;
            case UUID -> text -> text.toLowerCase(Locale.ROOT);
            case JSONB -> JsonText::compact;
            case BYTES -> PostgresValues::bytea;
            case DATE, TIMESTAMP -> TemporalText::fromPostgresEra;
            case TIMETZ -> TemporalText::withNormalizedOffset;
            case TIMESTAMPTZ -> text -> TemporalText.withNormalizedOffset(TemporalText.fromPostgresEra(text));
            case ARRAY -> {
                StagingType element = type.element();
                TextParser elementParser = parser(element);
                yield text -> PostgresArrayText.parse(text, element, elementParser);
            }
        };
    }

    /** The canonical value of one value's text output, for one column ({@link #parser}). */
    @FunctionalInterface
    private interface TextParser {
        Object parse(String text);
    }

    private static String decimal(String text) {
        return switch (text) {
            case "NaN", "Infinity", "-Infinity" -> text;
            default -> new java.math.BigDecimal(text).toPlainString();
        };
    }

    private static Boolean bool(String text) {
        return switch (text) {
            case "t", "true" -> Boolean.TRUE;
            case "f", "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected a boolean, found " + shorten(text));
        };
    }

    private static byte[] bytea(String text) {
        if (!text.startsWith("\\x")) {
            throw new IllegalArgumentException("expected bytea in hex output, found " + shorten(text));
        }
        return HexFormat.of().parseHex(text, 2, text.length());
    }

    static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** Parser of PostgreSQL's array output ({@code {a,"b c",NULL}}, nested braces for more dimensions). */
    static final class PostgresArrayText {
        private final String text;
        private final StagingType element;
        private final TextParser elementParser;
        private int pos;

        private PostgresArrayText(String text, StagingType element, TextParser elementParser) {
            this.text = text;
            this.element = element;
            this.elementParser = elementParser;
        }

        static List<Object> parse(String text, StagingType element, TextParser elementParser) {
            PostgresArrayText p = new PostgresArrayText(text, element, elementParser);
            if (text.startsWith("[")) {
                // Non-default lower bounds ("[0:1]={1,2}"): the bounds are not part of the staging value.
                p.pos = text.indexOf('=') + 1;
            }
            List<Object> out;
            try {
                out = p.list();
            } catch (StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("malformed array text: " + shorten(text));
            }
            if (p.pos != text.length()) {
                throw new IllegalArgumentException("unexpected text after array: " + shorten(text));
            }
            return out;
        }

        private List<Object> list() {
            expect('{');
            List<Object> out = new ArrayList<>();
            if (peek() == '}') {
                pos++;
                return out;
            }
            while (true) {
                char c = peek();
                if (c == '{') {
                    out.add(list());
                } else if (c == '"') {
                    out.add(PostgresValues.parse(element, elementParser, quoted()));
                } else {
                    String raw = unquoted();
                    out.add(raw.equalsIgnoreCase("NULL") ? null : PostgresValues.parse(element, elementParser, raw));
                }
                char next = text.charAt(pos++);
                if (next == '}') {
                    return out;
                }
                if (next != ',') {
                    throw new IllegalArgumentException("malformed array text: " + shorten(text));
                }
            }
        }

        private String quoted() {
            pos++;
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    b.append(text.charAt(pos++));
                } else if (c == '"') {
                    return b.toString();
                } else {
                    b.append(c);
                }
            }
        }

        private String unquoted() {
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = text.charAt(pos);
                if (c == ',' || c == '}') {
                    return b.toString().strip();
                }
                if (c == '\\') {
                    pos++;
                    c = text.charAt(pos);
                }
                b.append(c);
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("malformed array text: " + shorten(text));
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("malformed array text: " + shorten(text));
            }
            pos++;
        }
    }
}
