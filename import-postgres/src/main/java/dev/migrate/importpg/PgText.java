package dev.migrate.importpg;

import dev.migrate.core.types.StagingType;
import java.util.HexFormat;
import java.util.List;

/**
 * Converts between canonical staging values and PostgreSQL's text forms, in both directions:
 * {@link #input} gives the text PostgreSQL's input functions accept (what COPY and bound
 * parameters carry), {@link #fromOutput} reads what PostgreSQL prints with the session settings of
 * {@link #SESSION_SETTINGS} (used for backups).
 *
 * <p>The two differences that need real work are BC dates (the staging format uses astronomical
 * years, {@code -0043} = 44 BC; PostgreSQL writes {@code 0044-03-15 BC}) and arrays (see {@link
 * PgArrayText}). Everything else is PostgreSQL's own ISO form already.
 */
final class PgText {

    /**
     * Settings under which {@link #fromOutput} understands PostgreSQL's output: ISO dates, UTC
     * offsets, ISO-8601 intervals, hex bytea, shortest exact floats.
     */
    static final List<String> SESSION_SETTINGS = List.of(
            "set datestyle = 'ISO, YMD'",
            "set intervalstyle = 'iso_8601'",
            "set timezone = 'UTC'",
            "set bytea_output = 'hex'",
            "set extra_float_digits = 3");

    private static final HexFormat HEX = HexFormat.of();

    private PgText() {}

    /**
     * The PostgreSQL input text of a canonical value (not COPY-escaped).
     *
     * @throws IllegalArgumentException when PostgreSQL cannot hold the value (NUL in text)
     */
    static String input(StagingType type, Object value) {
        return switch (type.kind()) {
            case INT16, INT32, INT64 -> Long.toString((Long) value);
            case DECIMAL -> (String) value;
            case FLOAT32, FLOAT64 -> floatText((Double) value);
            case BOOLEAN -> ((Boolean) value) ? "t" : "f";
            case BYTES -> "\\x" + HEX.formatHex((byte[]) value);
            case DATE -> date((String) value);
            case TIMESTAMP, TIMESTAMPTZ -> timestamp((String) value);
            case ARRAY -> PgArrayText.literal(type, (List<?>) value);
            case TEXT, VARCHAR, CHAR, JSON, JSONB, ENUM, SOURCE_TEXT, UUID, TIME, TIMETZ, INTERVAL ->
                noNul((String) value);
        };
    }

    static String noNul(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("text contains a NUL character (U+0000), which PostgreSQL text cannot"
                    + " store; remove it in the source or stage the column as bytes");
        }
        return s;
    }

    /** Java's shortest round-trip text; PostgreSQL's float input (strtod) reads it back to the same double. */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0.0) {
            // -0.0 keeps its sign in float8 ('-0'), as in the source.
            return 1 / d < 0 ? "-0" : "0";
        }
        return Double.toString(d);
    }

    /** {@code -0043-03-15} to {@code 0044-03-15 BC}; other dates and infinities unchanged. */
    static String date(String canonical) {
        return timestamp(canonical);
    }

    /** A date or timestamp with a year before 1 AD in PostgreSQL's BC form, {@code BC} appended at the end. */
    static String timestamp(String canonical) {
        if (canonical.endsWith("infinity")) {
            return canonical;
        }
        if (canonical.startsWith("-") || canonical.startsWith("0000-")) {
            return bc(canonical);
        }
        return canonical;
    }

    /** Astronomical year y (0 or negative) is year 1 - y BC. */
    private static String bc(String canonical) {
        boolean negative = canonical.startsWith("-");
        int start = negative ? 1 : 0;
        int dash = canonical.indexOf('-', start);
        long astronomical = Long.parseLong(canonical.substring(start, dash)) * (negative ? -1 : 1);
        long bcYear = 1 - astronomical;
        return pad4(bcYear) + canonical.substring(dash) + " BC";
    }

    private static String pad4(long year) {
        String s = Long.toString(year);
        return s.length() >= 4 ? s : "0".repeat(4 - s.length()) + s;
    }

    // ---------------------------------------------------------------- output -> canonical

    /**
     * The canonical value of PostgreSQL's text output for a column of this staging type, read
     * under {@link #SESSION_SETTINGS}.
     */
    static Object fromOutput(StagingType type, String text) {
        return switch (type.kind()) {
            case INT16, INT32, INT64 -> Long.parseLong(text);
            case DECIMAL -> text;
            case FLOAT32, FLOAT64 -> parseFloat(text);
            case BOOLEAN -> text.equals("t") || text.equals("true");
            case BYTES -> parseBytea(text);
            case DATE -> fromBc(text);
            case TIMESTAMP -> fromBc(text);
            case TIMESTAMPTZ -> fullOffset(fromBc(text));
            case TIMETZ -> fullOffset(text);
            case ARRAY -> PgArrayText.parse(type, text);
            case TEXT, VARCHAR, CHAR, JSON, JSONB, ENUM, SOURCE_TEXT, UUID, TIME, INTERVAL -> text;
        };
    }

    private static Double parseFloat(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static byte[] parseBytea(String text) {
        if (!text.startsWith("\\x")) {
            throw new IllegalArgumentException("bytea output is not in hex form");
        }
        return HEX.parseHex(text, 2, text.length());
    }

    /** {@code 0044-03-15[ time] BC} to astronomical {@code -0043-03-15[ time]}. */
    static String fromBc(String text) {
        if (!text.endsWith(" BC")) {
            return text;
        }
        String body = text.substring(0, text.length() - 3);
        int dash = body.indexOf('-');
        long bcYear = Long.parseLong(body.substring(0, dash));
        long astronomical = 1 - bcYear;
        String year = astronomical == 0 ? "0000" : "-" + pad4(-astronomical);
        return year + body.substring(dash);
    }

    /** {@code +02} to {@code +02:00}: the canonical offset always has minutes. */
    static String fullOffset(String text) {
        if (text.endsWith("infinity")) {
            return text;
        }
        int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        int colon = text.indexOf(':');
        if (sign < 0 || sign < colon) {
            return text;
        }
        String offset = text.substring(sign);
        if (offset.length() == 3) {
            return text + ":00";
        }
        return text;
    }
}
