package dev.migrate.exportsqlite.profile;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ISO-8601 texts applications store in SQLite date/time columns and writes them in the
 * staging format's canonical forms. Accepted: {@code YYYY-MM-DD}, then optionally a space or
 * {@code T}, {@code HH:MM}, {@code :SS}, a fraction, and {@code Z} or an offset ({@code +05:30},
 * {@code +0530}, {@code +05}). Calendar validity is checked (no February 30th, no hour 25).
 * Canonical output: a space separator, seconds always written, no trailing zeros in the fraction,
 * offsets as {@code +HH:MM} ({@code Z} as {@code +00:00}, the same offset spelled one way).
 * Fractions longer than microseconds are accepted only when the extra digits are zeros, since
 * PostgreSQL keeps microseconds and anything finer would be rounded.
 */
public final class TemporalText {

    /** What a text holds. */
    public enum Form {
        /** A date without time of day. */
        DATE,
        /** A date and time without offset. */
        TIMESTAMP,
        /** A date and time with {@code Z} or an offset. */
        TIMESTAMP_OFFSET
    }

    /**
     * A parsed value.
     *
     * @param form what it holds
     * @param date {@code uuuu-MM-dd}
     * @param time {@code HH:mm:ss[.ffffff]} or null for a date
     * @param offset {@code +HH:MM} as written (Z as {@code +00:00}), or null
     * @param tSeparator whether a {@code T} separated date and time
     * @param reformatted whether the canonical form differs from the text in more than the separator
     *     (seconds added, offset written out, zeros dropped)
     */
    public record Parsed(Form form, String date, String time, String offset, boolean tSeparator, boolean reformatted) {

        /** {@code uuuu-MM-dd HH:mm:ss[.ffffff]}, a date as midnight. */
        public String timestamp() {
            return date + " " + (time == null ? "00:00:00" : time);
        }

        /** The timestamp with its offset, or with {@code assumed} when it has none. */
        public String timestamptz(String assumed) {
            return timestamp() + (offset == null ? assumed : offset);
        }
    }

    // The year as SQLite writes it (four digits), or as import-sqlite writes PostgreSQL's
    // astronomical years: -0043 for 44 BC, 10000 and beyond.
    private static final Pattern DATE_TIME = Pattern.compile("(-?\\d{4,})-(\\d{2})-(\\d{2})"
            + "(?:([ T])(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?"
            + "(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");

    private static final Pattern TIME =
            Pattern.compile("(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private TemporalText() {}

    /** Parses a date or timestamp text; null when it is not one. */
    public static Parsed parse(String s) {
        if (s.length() > 40) {
            return null;
        }
        Matcher m = DATE_TIME.matcher(s);
        if (!m.matches()) {
            return null;
        }
        if (m.group(1).length() > 8) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return null;
        }
        String date = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
        if (m.group(4) == null) {
            return new Parsed(Form.DATE, date, null, null, false, false);
        }
        Clock clock = clock(m.group(5), m.group(6), m.group(7), m.group(8));
        if (clock == null) {
            return null;
        }
        String offset = m.group(9) == null ? null : offset(m.group(9));
        if (m.group(9) != null && offset == null) {
            return null;
        }
        boolean reformatted = clock.reformatted || (offset != null && !offset.equals(m.group(9)));
        return new Parsed(
                offset == null ? Form.TIMESTAMP : Form.TIMESTAMP_OFFSET,
                date,
                clock.text,
                offset,
                m.group(4).equals("T"),
                reformatted);
    }

    /** Canonical {@code HH:mm:ss[.ffffff]} of a time text without offset; null when it is not one. */
    public static String time(String s) {
        Matcher m = TIME.matcher(s);
        if (!m.matches() || m.group(5) != null) {
            return null;
        }
        Clock c = clock(m.group(1), m.group(2), m.group(3), m.group(4));
        return c == null ? null : c.text;
    }

    /** Canonical {@code HH:mm:ss[.ffffff]+HH:MM} of a time text with offset; null when it is not one. */
    public static String timeWithOffset(String s) {
        Matcher m = TIME.matcher(s);
        if (!m.matches() || m.group(5) == null) {
            return null;
        }
        Clock c = clock(m.group(1), m.group(2), m.group(3), m.group(4));
        String offset = offset(m.group(5));
        return c == null || offset == null ? null : c.text + offset;
    }

    /** Epoch seconds or milliseconds as a UTC timestamptz ({@code 2021-07-26 12:51:46.122+00:00}). */
    public static String fromEpoch(long value, boolean milliseconds) {
        Instant instant = milliseconds ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        String base = String.format(
                "%04d-%02d-%02d %02d:%02d:%02d",
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        int millis = t.getNano() / 1_000_000;
        return base + (millis == 0 ? "" : String.format(".%03d", millis)) + "+00:00";
    }

    /** True when epoch seconds or milliseconds fall on midnight UTC. */
    public static boolean isMidnight(long value, boolean milliseconds) {
        long seconds = milliseconds ? Math.floorDiv(value, 1000L) : value;
        return (milliseconds ? Math.floorMod(value, 1000L) == 0 : true) && Math.floorMod(seconds, 86_400L) == 0;
    }

    /** The date of epoch seconds or milliseconds at midnight UTC. */
    public static String dateFromEpoch(long value, boolean milliseconds) {
        return fromEpoch(value, milliseconds).substring(0, 10);
    }

    private record Clock(String text, boolean reformatted) {}

    private static Clock clock(String hh, String mm, String ss, String fraction) {
        int hour = Integer.parseInt(hh);
        int minute = Integer.parseInt(mm);
        int second = ss == null ? 0 : Integer.parseInt(ss);
        boolean reformatted = ss == null;
        String frac = fraction == null ? "" : fraction;
        if (frac.length() > 6) {
            if (!frac.substring(6).chars().allMatch(c -> c == '0')) {
                return null; // finer than microseconds: PostgreSQL would round it
            }
            frac = frac.substring(0, 6);
            reformatted = true;
        }
        // Canonical fractions carry no trailing zeros (PostgreSQL prints 10:00:00.5, not .500).
        String trimmed = frac.replaceAll("0+$", "");
        if (!trimmed.equals(frac)) {
            frac = trimmed;
            reformatted = true;
        }
        boolean midnightEnd =
                hour == 24 && minute == 0 && second == 0 && frac.chars().allMatch(c -> c == '0');
        if ((hour > 23 && !midnightEnd) || minute > 59 || second > 59) {
            return null;
        }
        String text = hh + ":" + mm + ":" + (ss == null ? "00" : ss) + (frac.isEmpty() ? "" : "." + frac);
        return new Clock(text, reformatted);
    }

    /** {@code Z} becomes {@code +00:00}; {@code +0530} and {@code +05} become {@code +05:30} and {@code +05:00}. */
    private static String offset(String raw) {
        if (raw.equals("Z")) {
            return "+00:00";
        }
        String digits = raw.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        if (hours > 15 || minutes > 59) {
            return null;
        }
        return raw.charAt(0) + digits.substring(0, 2) + ":" + (digits.length() > 2 ? digits.substring(2) : "00");
    }

    /** Days in the month of the proleptic Gregorian calendar (astronomical years: 0 and -4 are leap years). */
    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
