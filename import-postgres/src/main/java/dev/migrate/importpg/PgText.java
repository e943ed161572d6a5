package dev.migrate.importpg;

import dev.migrate.core.types.StagingType;
import java.util.HexFormat;
import java.util.List;

/**
 * Converts canonical staging values to PostgreSQL's text input forms:
 * {@link #input} gives the text PostgreSQL's input functions accept (what COPY and bound
 * parameters carry). The other direction (PostgreSQL output to canonical, used for backups) is
 * core's {@link dev.migrate.core.canonical.PostgresValues}.
 *
 * <p>The two differences that need real work are BC dates (the staging format uses astronomical
 * years, {@code -0043} = 44 BC; PostgreSQL writes {@code 0044-03-15 BC}) and arrays (see {@link
 * PgArrayText}). Everything else is PostgreSQL's own ISO form already.
 */
final class PgText {

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
}
