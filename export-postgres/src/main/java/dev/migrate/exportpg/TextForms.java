package dev.migrate.exportpg;

import java.util.HexFormat;

/**
 * Reshapes PostgreSQL's text output (under the session settings {@link PgSession} fixes: UTC,
 * ISO DateStyle, iso_8601 intervals, hex bytea) into the staging format's canonical forms. Only
 * the differences are handled, so the common value passes through untouched:
 *
 * <ul>
 *   <li>BC dates: {@code 0044-03-15 BC} is astronomical year -43: {@code -0043-03-15};
 *   <li>offsets with hours only: {@code +00} becomes {@code +00:00};
 *   <li>bytea text inside arrays: {@code \x00ff} becomes bytes.
 * </ul>
 */
final class TextForms {

    private static final String BC = " BC";

    private TextForms() {}

    /** date and timestamp: ISO already, except the BC suffix. */
    static String dateOrTimestamp(String s) {
        return s.endsWith(BC) ? astronomical(s.substring(0, s.length() - BC.length())) : s;
    }

    /** timestamptz: {@code 2024-01-01 10:00:00+00[ BC]} to {@code 2024-01-01 10:00:00+00:00}. */
    static String timestamptz(String s) {
        if (s.equals("infinity") || s.equals("-infinity")) {
            return s;
        }
        boolean bc = s.endsWith(BC);
        String v = bc ? s.substring(0, s.length() - BC.length()) : s;
        int space = v.indexOf(' ');
        int sign = offsetStart(v, space + 1);
        String out = v.substring(0, sign) + offset(v.substring(sign));
        return bc ? astronomical(out) : out;
    }

    /** timetz: {@code 07:30:00+02} to {@code 07:30:00+02:00}. */
    static String timetz(String s) {
        int sign = offsetStart(s, 0);
        return s.substring(0, sign) + offset(s.substring(sign));
    }

    /** bytea in hex output form ({@code \x0a0b}), as array elements arrive. */
    static byte[] bytea(String s) {
        if (!s.startsWith("\\x")) {
            throw new IllegalArgumentException("expected bytea in hex form, found " + abbreviate(s));
        }
        return HexFormat.of().parseHex(s, 2, s.length());
    }

    /** boolean as {@code boolean::text} prints it. */
    static Boolean bool(String s) {
        return switch (s) {
            case "true", "t" -> Boolean.TRUE;
            case "false", "f" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected a boolean, found " + abbreviate(s));
        };
    }

    private static int offsetStart(String s, int from) {
        for (int i = s.length() - 1; i >= from; i--) {
            char c = s.charAt(i);
            if (c == '+' || c == '-') {
                return i;
            }
        }
        throw new IllegalArgumentException("expected a UTC offset in " + abbreviate(s));
    }

    /** {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS} to at least {@code +HH:MM}. */
    private static String offset(String o) {
        return o.length() == 3 ? o + ":00" : o;
    }

    /**
     * {@code YYYY-...} read as a BC year (1 BC is year 0, 44 BC is year -43), written with at
     * least four digits and a minus sign when negative.
     */
    private static String astronomical(String s) {
        int dash = s.indexOf('-');
        long bcYear = Long.parseLong(s.substring(0, dash));
        long year = 1 - bcYear;
        String digits = Long.toString(Math.abs(year));
        StringBuilder b = new StringBuilder(s.length() + 2);
        if (year < 0) {
            b.append('-');
        }
        for (int i = digits.length(); i < 4; i++) {
            b.append('0');
        }
        return b.append(digits).append(s, dash, s.length()).toString();
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
