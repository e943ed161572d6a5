package dev.migrate.core.canonical;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small, allocation-light helpers for the canonical temporal text forms of {@link
 * dev.migrate.core.types.StagingKind}: PostgreSQL's {@code BC} suffix to astronomical years,
 * offsets to {@code ±HH:MM}, instants to UTC, fractional seconds without trailing zeros; and the
 * reading of the ISO-8601 texts and epoch numbers applications store in SQLite ({@link #parse},
 * {@link #time}, {@link #timeWithOffset}, {@link #fromEpoch}).
 *
 * <p>Why text and not {@code java.time} throughout: PostgreSQL's range (4713 BC to 294276 AD,
 * {@code 24:00:00}, {@code infinity}) is wider than what the staging format promises to keep, so
 * values travel as text and are only parsed where arithmetic is needed (UTC conversion), with
 * {@link LocalDateTime}, whose year range covers PostgreSQL's.
 */
public final class TemporalText {

    private TemporalText() {}

    /**
     * PostgreSQL ISO output ({@code DateStyle=ISO}) of a date, timestamp or timestamptz to the
     * staging form: {@code 0044-03-15 BC} becomes {@code -0043-03-15} (1 BC is year 0000).
     */
    public static String fromPostgresEra(String text) {
        if (!text.endsWith(" BC")) {
            return text;
        }
        String body = text.substring(0, text.length() - 3);
        int dash = body.indexOf('-');
        long year = Long.parseLong(body.substring(0, dash));
        return formatYear(1 - year) + body.substring(dash);
    }

    /** A year as the staging form writes it: at least four digits, a minus sign before BC years. */
    public static String formatYear(long year) {
        String digits = Long.toString(Math.abs(year));
        StringBuilder b = new StringBuilder(6);
        if (year < 0) {
            b.append('-');
        }
        for (int i = digits.length(); i < 4; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    /**
     * The index where the UTC offset of a time or timestamp text starts ({@code +}, {@code -} or
     * {@code Z} after the clock), or -1 when it has none.
     */
    public static int offsetStart(String text) {
        int clock = text.indexOf(':');
        if (clock < 0) {
            return -1;
        }
        for (int i = clock; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' || c == '-' || c == 'Z' || c == 'z') {
                return i;
            }
        }
        return -1;
    }

    /**
     * An offset written as {@code Z}, {@code +05}, {@code +0530}, {@code +05:30} or {@code
     * +05:30:15} in the canonical {@code ±HH:MM[:SS]} form ({@code Z} becomes {@code +00:00}).
     *
     * @throws IllegalArgumentException when it is none of these
     */
    public static String normalizeOffset(String offset) {
        if (offset.equals("Z") || offset.equals("z")) {
            return "+00:00";
        }
        int n = offset.length();
        if (n < 3 || (offset.charAt(0) != '+' && offset.charAt(0) != '-') || !digits(offset, 1, 3)) {
            throw new IllegalArgumentException("expected a UTC offset, found " + offset);
        }
        if (n == 3) {
            return offset + ":00";
        }
        if (n == 5 && digits(offset, 3, 5)) {
            return offset.substring(0, 3) + ":" + offset.substring(3);
        }
        if ((n == 6 || n == 9) && offset.charAt(3) == ':' && digits(offset, 4, 6)) {
            if (n == 6) {
                return offset;
            }
            if (offset.charAt(6) == ':' && digits(offset, 7, 9)) {
                return offset.endsWith(":00") ? offset.substring(0, 6) : offset;
            }
        }
        throw new IllegalArgumentException("expected a UTC offset, found " + offset);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The text with the offset after the clock rewritten by {@link #normalizeOffset}; unchanged without one. */
    public static String withNormalizedOffset(String text) {
        int at = offsetStart(text);
        if (at < 0) {
            return text;
        }
        String tail = text.substring(at);
        String normalized = normalizeOffset(tail);
        return normalized.equals(tail) ? text : text.substring(0, at) + normalized;
    }

    /**
     * Removes trailing zeros of the fractional seconds ({@code 10:00:00.500} → {@code 10:00:00.5},
     * {@code 10:00:00.000} → {@code 10:00:00}); the rest of the text (an offset) is kept.
     */
    public static String trimFraction(String text) {
        int dot = text.indexOf('.', Math.max(0, text.indexOf(':')));
        if (dot < 0) {
            return text;
        }
        int end = dot + 1;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        int last = end;
        while (last > dot + 1 && text.charAt(last - 1) == '0') {
            last--;
        }
        if (last == end) {
            return text;
        }
        String head = last == dot + 1 ? text.substring(0, dot) : text.substring(0, last);
        return head + text.substring(end);
    }

    /**
     * A canonical timestamptz ({@code uuuu-MM-dd HH:mm:ss[.ffffff]±HH:MM}) as the same instant in
     * UTC, fractional zeros trimmed: {@code 2024-01-01 10:00:00+05:30} → {@code 2024-01-01
     * 04:30:00+00:00}. {@code infinity} and {@code -infinity} are returned as they are.
     *
     * @throws IllegalArgumentException when the text is not a timestamp with an offset
     */
    public static String toUtc(String timestamptz) {
        if (timestamptz.equals("infinity") || timestamptz.equals("-infinity")) {
            return timestamptz;
        }
        int at = offsetStart(timestamptz);
        if (at < 0) {
            throw new IllegalArgumentException("expected a timestamp with a UTC offset, found " + timestamptz);
        }
        String offset = normalizeOffset(timestamptz.substring(at));
        int offsetSeconds = offsetSeconds(offset);
        String local = timestamptz.substring(0, at);
        if (offsetSeconds == 0) {
            return trimFraction(local) + "+00:00";
        }
        try {
            int space = local.indexOf(' ');
            String date = local.substring(0, space);
            int yearEnd = date.indexOf('-', 1);
            long year = Long.parseLong(date.substring(0, yearEnd));
            int month = Integer.parseInt(date.substring(yearEnd + 1, yearEnd + 3));
            int day = Integer.parseInt(date.substring(yearEnd + 4, yearEnd + 6));
            String clock = local.substring(space + 1);
            int hour = Integer.parseInt(clock.substring(0, 2));
            int minute = Integer.parseInt(clock.substring(3, 5));
            int second = Integer.parseInt(clock.substring(6, 8));
            String fraction = clock.length() > 8 ? clock.substring(8) : "";
            LocalDateTime t = LocalDateTime.of((int) year, month, day, hour == 24 ? 0 : hour, minute, second);
            if (hour == 24) {
                t = t.plusDays(1);
            }
            t = t.minusSeconds(offsetSeconds);
            String out = formatYear(t.getYear()) + "-" + two(t.getMonthValue()) + "-" + two(t.getDayOfMonth()) + " "
                    + two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond()) + fraction;
            return trimFraction(out) + "+00:00";
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("expected a timestamp with a UTC offset, found " + timestamptz);
        }
    }

    /** Seconds east of UTC of a canonical offset ({@code +05:30} → 19800). */
    public static int offsetSeconds(String offset) {
        int sign = offset.charAt(0) == '-' ? -1 : 1;
        int h = Integer.parseInt(offset.substring(1, 3));
        int m = Integer.parseInt(offset.substring(4, 6));
        int s = offset.length() > 6 ? Integer.parseInt(offset.substring(7, 9)) : 0;
        return sign * (h * 3600 + m * 60 + s);
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    // ------------------------------------------------------------------ ISO-8601 text as stored in SQLite

    /** What a date/time text holds. */
    public enum Form {
        /** A date without time of day. */
        DATE,
        /** A date and time without offset. */
        TIMESTAMP,
        /** A date and time with {@code Z} or an offset. */
        TIMESTAMP_OFFSET
    }

    /**
     * A parsed date/time text.
     *
     * @param form what it holds
     * @param date {@code uuuu-MM-dd}
     * @param time {@code HH:mm:ss[.ffffff]} or null for a date
     * @param offset {@code ±HH:MM[:SS]} ({@code Z} as {@code +00:00}), or null
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
    private static final String OFFSET = "(Z|[+-]\\d{2}(?:\\d{2}|:\\d{2}(?::\\d{2})?)?)";
    private static final Pattern DATE_TIME = Pattern.compile("(-?\\d{4,})-(\\d{2})-(\\d{2})"
            + "(?:([ T])(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?" + OFFSET + "?)?");

    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?" + OFFSET + "?");

    /**
     * Parses the date and timestamp texts applications store: {@code YYYY-MM-DD}, then optionally a
     * space or {@code T}, {@code HH:MM}, {@code :SS}, a fraction, and {@code Z} or an offset ({@code
     * +05:30}, {@code +0530}, {@code +05}, {@code +05:53:28}). Calendar validity is checked (no
     * February 30th, no hour 25). Fractions longer than microseconds are accepted only when the
     * extra digits are zeros, since PostgreSQL keeps microseconds and anything finer would be
     * rounded. Returns null when the text is not one of these.
     */
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

    /** Canonical {@code HH:mm:ss[.ffffff]} of a time text without offset ({@code 08:30}); null when it is not one. */
    public static String time(String s) {
        Matcher m = TIME.matcher(s);
        if (!m.matches() || m.group(5) != null) {
            return null;
        }
        Clock c = clock(m.group(1), m.group(2), m.group(3), m.group(4));
        return c == null ? null : c.text;
    }

    /** Canonical {@code HH:mm:ss[.ffffff]±HH:MM} of a time text with offset; null when it is not one. */
    public static String timeWithOffset(String s) {
        Matcher m = TIME.matcher(s);
        if (!m.matches() || m.group(5) == null) {
            return null;
        }
        Clock c = clock(m.group(1), m.group(2), m.group(3), m.group(4));
        String offset = offset(m.group(5));
        return c == null || offset == null ? null : c.text + offset;
    }

    /** Epoch seconds or milliseconds as a canonical UTC timestamptz ({@code 2021-07-26 12:51:46.122+00:00}). */
    public static String fromEpoch(long value, boolean milliseconds) {
        Instant instant = milliseconds ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        String base = formatYear(t.getYear()) + "-" + two(t.getMonthValue()) + "-" + two(t.getDayOfMonth()) + " "
                + two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
        int millis = t.getNano() / 1_000_000;
        String fraction = millis == 0 ? "" : "." + (millis < 100 ? millis < 10 ? "00" : "0" : "") + millis;
        return trimFraction(base + fraction) + "+00:00";
    }

    /** True when epoch seconds or milliseconds fall on midnight UTC. */
    public static boolean isMidnight(long value, boolean milliseconds) {
        long seconds = milliseconds ? Math.floorDiv(value, 1000L) : value;
        return (!milliseconds || Math.floorMod(value, 1000L) == 0) && Math.floorMod(seconds, 86_400L) == 0;
    }

    /** The UTC date of epoch seconds or milliseconds. */
    public static String dateFromEpoch(long value, boolean milliseconds) {
        String timestamp = fromEpoch(value, milliseconds);
        return timestamp.substring(0, timestamp.indexOf(' '));
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
        int significant = frac.length();
        while (significant > 0 && frac.charAt(significant - 1) == '0') {
            significant--;
        }
        if (significant != frac.length()) {
            frac = frac.substring(0, significant);
            reformatted = true;
        }
        boolean midnightEnd = hour == 24 && minute == 0 && second == 0 && frac.isEmpty();
        if ((hour > 23 && !midnightEnd) || minute > 59 || second > 59) {
            return null;
        }
        String text = hh + ":" + mm + ":" + (ss == null ? "00" : ss) + (frac.isEmpty() ? "" : "." + frac);
        return new Clock(text, reformatted);
    }

    /** An offset as the regular expressions matched it, in canonical spelling; null when out of range. */
    private static String offset(String raw) {
        String canonical = normalizeOffset(raw);
        int hours = Integer.parseInt(canonical.substring(1, 3));
        int minutes = Integer.parseInt(canonical.substring(4, 6));
        int seconds = canonical.length() > 6 ? Integer.parseInt(canonical.substring(7, 9)) : 0;
        return hours > 15 || minutes > 59 || seconds > 59 ? null : canonical;
    }

    /** Days in the month of the proleptic Gregorian calendar (astronomical years: 0 and -4 are leap years). */
    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 ->
                (Math.floorMod(year, 4) == 0 && (Math.floorMod(year, 100) != 0 || Math.floorMod(year, 400) == 0))
                        ? 29
                        : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
