package dev.migrate.core.canonical;

import java.time.LocalDateTime;

/**
 * Small, allocation-light helpers for the canonical temporal text forms of {@link
 * dev.migrate.core.types.StagingKind}: PostgreSQL's {@code BC} suffix to astronomical years,
 * offsets to {@code ±HH:MM}, instants to UTC, fractional seconds without trailing zeros.
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
}
