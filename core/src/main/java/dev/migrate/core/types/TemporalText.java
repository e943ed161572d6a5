package dev.migrate.core.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporal values as text, the one place that knows their spellings. Why text and not {@code
 * java.time} throughout: PostgreSQL's range (4713 BC to 294276 AD, {@code 24:00:00}, {@code
 * infinity}, offsets with seconds) is wider than {@code java.time}'s defaults, so values travel as
 * text and are only parsed where arithmetic is needed (UTC conversion, epoch numbers), with {@link
 * LocalDateTime}, whose year range covers PostgreSQL's. Four groups:
 *
 * <ol>
 *   <li><b>Canonical forms</b> (package-private, for the staging codecs): hand-written scanners
 *       that check and normalise the canonical text of each temporal kind. They run for every
 *       temporal value written or read (millions per second), so they make one pass over the
 *       characters, allocate nothing when the value is already canonical, and check what a regex
 *       cannot (days per month, leap years, declared precision). Normalisations, each yielding the
 *       one spelling PostgreSQL itself prints: trailing zeros of a fraction of a second are
 *       dropped ({@code 10:00:00.500} → {@code 10:00:00.5}); offsets become {@code ±HH:MM[:SS]}
 *       ({@code Z} and {@code -00:00} → {@code +00:00}, {@code +05} → {@code +05:00}, {@code
 *       +05:30:00} → {@code +05:30}); a {@code +} before a year of more than four digits is dropped
 *       ({@code +10000-01-01}, as java.time prints it). They throw {@link
 *       IllegalArgumentException} with a short reason.
 *   <li><b>PostgreSQL output</b>: its {@code BC} suffix to astronomical years ({@link
 *       #fromPostgresEra}).
 *   <li><b>Comparing</b>: offsets in any common spelling ({@link #normalizeOffset}), fractions
 *       without trailing zeros ({@link #trimFraction}), instants in UTC ({@link #toUtc}).
 *   <li><b>What applications store in SQLite</b>: ISO-8601 texts with a {@code T} or a space,
 *       without seconds, with {@code Z} or compact offsets ({@link #parse}, {@link #time}, {@link
 *       #timeWithOffset}, which return null for text of another shape), and epoch numbers ({@link
 *       #fromEpoch}).
 * </ol>
 */
public final class TemporalText {

    private TemporalText() {}

    /** PostgreSQL's largest time-zone displacement is 15:59:59. */
    private static final int MAX_OFFSET_HOURS = 15;

    /** More year digits than any PostgreSQL date (5874897 AD) has; keeps the arithmetic in range. */
    private static final int MAX_YEAR_DIGITS = 7;

    /** Enough for any PostgreSQL interval field (microseconds fit a long), few enough to never overflow. */
    private static final int MAX_INTERVAL_DIGITS = 18;

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException(reason);
    }

    // ------------------------------------------------------------------ date

    static String canonicalDate(String s) {
        if (isInfinity(s)) {
            return s;
        }
        int end = day(s, 0);
        if (end != s.length()) {
            throw invalid("unexpected text after the date");
        }
        return dropYearPlus(s);
    }

    // ------------------------------------------------------------------ time, timetz

    /** {@code HH:MM:SS[.f]}, {@code 24:00:00} allowed; at most {@code precision} significant fraction digits. */
    static String canonicalTime(String s, Integer precision) {
        int end = clock(s, 0, true, precision);
        if (end != s.length()) {
            throw invalid("unexpected text after the time");
        }
        return rebuild(s, 0, end, null);
    }

    static String canonicalTimetz(String s, Integer precision) {
        int end = clock(s, 0, true, precision);
        return rebuild(s, 0, end, offset(s, end));
    }

    // ------------------------------------------------------------------ timestamp, timestamptz

    static String canonicalTimestamp(String s, Integer precision) {
        if (isInfinity(s)) {
            return s;
        }
        int clockStart = dateAndSpace(s);
        int end = clock(s, clockStart, false, precision);
        if (end != s.length()) {
            throw invalid("unexpected text after the timestamp (no offset in a timestamp without time zone)");
        }
        return dropYearPlus(rebuild(s, clockStart, end, null));
    }

    static String canonicalTimestamptz(String s, Integer precision) {
        if (isInfinity(s)) {
            return s;
        }
        int clockStart = dateAndSpace(s);
        int end = clock(s, clockStart, false, precision);
        return dropYearPlus(rebuild(s, clockStart, end, offset(s, end)));
    }

    private static int dateAndSpace(String s) {
        int i = day(s, 0);
        if (i >= s.length() || s.charAt(i) != ' ') {
            throw invalid("date and time must be separated by one space");
        }
        return i + 1;
    }

    private static boolean isInfinity(String s) {
        return s.equals("infinity") || s.equals("-infinity");
    }

    // ------------------------------------------------------------------ interval

    private static final String DATE_UNITS = "YMD";
    private static final String TIME_UNITS = "HMS";

    /**
     * PostgreSQL's {@code iso_8601} IntervalStyle: {@code P[nY][nM][nD][T[nH][nM][n[.f]S]]}, each
     * number optionally negative, only seconds with a fraction (1–6 digits), at least one field
     * ({@code PT0S} is zero).
     */
    static String canonicalInterval(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) != 'P') {
            throw invalid("an interval starts with P");
        }
        int i = 1;
        int unit = 0;
        int fields = 0;
        while (i < n && s.charAt(i) != 'T') {
            i = intervalNumber(s, i);
            if (i < n && s.charAt(i) == '.') {
                throw invalid("only seconds may have a fraction");
            }
            unit = unitAfter(s, i, DATE_UNITS, unit, "Y, M, D");
            i++;
            fields++;
        }
        int fractionStart = -1;
        int fractionEnd = -1;
        if (i < n) {
            i++; // the T
            unit = 0;
            int timeFields = 0;
            while (i < n) {
                i = intervalNumber(s, i);
                int fs = -1;
                if (i < n && s.charAt(i) == '.') {
                    fs = ++i;
                    while (i < n && isDigit(s.charAt(i))) {
                        i++;
                    }
                    if (i == fs || i - fs > 6) {
                        throw invalid("a fraction of a second has 1 to 6 digits");
                    }
                }
                unit = unitAfter(s, i, TIME_UNITS, unit, "H, M, S");
                if (fs >= 0) {
                    if (s.charAt(i) != 'S') {
                        throw invalid("only seconds may have a fraction");
                    }
                    fractionStart = fs;
                    fractionEnd = i;
                }
                i++;
                timeFields++;
            }
            if (timeFields == 0) {
                throw invalid("T must be followed by hours, minutes or seconds");
            }
            fields += timeFields;
        }
        if (fields == 0) {
            throw invalid("an interval needs at least one field (zero is PT0S)");
        }
        if (fractionStart < 0) {
            return s;
        }
        int keep = significantEnd(s, fractionStart, fractionEnd);
        if (keep == fractionEnd) {
            return s;
        }
        int cut = keep == fractionStart ? fractionStart - 1 : keep;
        return s.substring(0, cut) + s.substring(fractionEnd);
    }

    /** Checks that the unit letter at {@code i} comes after the previous one; returns the next unit index. */
    private static int unitAfter(String s, int i, String units, int from, String order) {
        int u = i < s.length() ? units.indexOf(s.charAt(i), from) : -1;
        if (u < 0) {
            throw invalid("interval fields must be " + order + ", each at most once, in that order");
        }
        return u + 1;
    }

    /** Reads {@code -?digits}; returns the index after it. */
    private static int intervalNumber(String s, int i) {
        int n = s.length();
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw invalid("an interval field needs digits");
        }
        if (i - start > MAX_INTERVAL_DIGITS) {
            throw invalid("an interval field has too many digits");
        }
        return i;
    }

    // ------------------------------------------------------------------ parts

    /** Parses {@code [-|+]Y{4,}-MM-DD} from {@code i}; returns the index after it. */
    private static int day(String s, int i) {
        int n = s.length();
        char first = n > i ? s.charAt(i) : '?';
        boolean negative = first == '-';
        boolean plus = first == '+';
        if (negative || plus) {
            i++;
        }
        int start = i;
        long year = 0;
        while (i < n && isDigit(s.charAt(i))) {
            if (i - start == MAX_YEAR_DIGITS) {
                throw invalid("the year has too many digits");
            }
            year = year * 10 + (s.charAt(i) - '0');
            i++;
        }
        int digits = i - start;
        if (digits < 4) {
            throw invalid("the year needs at least four digits (uuuu-MM-dd)");
        }
        if (digits > 4 && s.charAt(start) == '0') {
            throw invalid("a year of more than four digits has no leading zero");
        }
        if (plus && digits == 4) {
            throw invalid("a four-digit year takes no + sign");
        }
        if (negative && year == 0) {
            throw invalid("year zero (1 BC) is 0000, not -0000");
        }
        if (i >= n || s.charAt(i) != '-') {
            throw invalid("expected - after the year");
        }
        int month = twoDigits(s, i + 1, "month");
        if (month < 1 || month > 12) {
            throw invalid("month " + month + " does not exist");
        }
        i += 3;
        if (i >= n || s.charAt(i) != '-') {
            throw invalid("expected - after the month");
        }
        int d = twoDigits(s, i + 1, "day");
        if (d < 1 || d > daysInMonth(negative ? -year : year, month)) {
            throw invalid("day " + d + " does not exist in that month");
        }
        return i + 3;
    }

    /** Proleptic Gregorian with astronomical years (year 0 = 1 BC is a leap year), as PostgreSQL. */
    public static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(long year) {
        return Math.floorMod(year, 4) == 0 && (Math.floorMod(year, 100) != 0 || Math.floorMod(year, 400) == 0);
    }

    /**
     * Parses {@code HH:MM:SS[.f{1,6}]} from {@code i} and returns the index after it. The fraction,
     * if any, is {@code [i + 9, returned index)}.
     */
    private static int clock(String s, int i, boolean allow24, Integer precision) {
        int hour = twoDigits(s, i, "hour");
        expect(s, i + 2, ':');
        int minute = twoDigits(s, i + 3, "minute");
        expect(s, i + 5, ':');
        int second = twoDigits(s, i + 6, "second");
        int end = i + 8;
        boolean fractionZero = true;
        if (end < s.length() && s.charAt(end) == '.') {
            int start = ++end;
            while (end < s.length() && isDigit(s.charAt(end))) {
                fractionZero &= s.charAt(end) == '0';
                end++;
            }
            if (end == start || end - start > 6) {
                throw invalid("a fraction of a second has 1 to 6 digits");
            }
            if (precision != null && significantEnd(s, start, end) - start > precision) {
                throw invalid("more fractional digits than the declared precision " + precision);
            }
        }
        if (hour == 24) {
            if (!allow24) {
                throw invalid("24:00:00 is only a time of day, never part of a timestamp (use the next day)");
            }
            if (minute != 0 || second != 0 || !fractionZero) {
                throw invalid("nothing is later than 24:00:00");
            }
        } else if (hour > 23 || minute > 59 || second > 59) {
            throw invalid("hour, minute or second out of range");
        }
        return end;
    }

    private static void expect(String s, int i, char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw invalid("expected HH:MM:SS");
        }
    }

    /** Parses an offset from {@code i} to the end; returns its canonical spelling, or null when it already is. */
    private static String offset(String s, int i) {
        int n = s.length();
        if (i >= n) {
            throw invalid("the offset is missing");
        }
        char sign = s.charAt(i);
        if (sign == 'Z' && i + 1 == n) {
            return "+00:00";
        }
        if (sign != '+' && sign != '-') {
            throw invalid("an offset is +HH:MM, -HH:MM or Z");
        }
        int hours = twoDigits(s, i + 1, "offset hour");
        int minutes = 0;
        int seconds = 0;
        boolean canonical = true;
        int j = i + 3;
        if (j == n) {
            canonical = false; // +05 → +05:00
        } else {
            if (s.charAt(j) != ':') {
                throw invalid("an offset is +HH:MM");
            }
            minutes = twoDigits(s, j + 1, "offset minute");
            j += 3;
            if (j < n) {
                if (s.charAt(j) != ':') {
                    throw invalid("an offset is +HH:MM[:SS]");
                }
                seconds = twoDigits(s, j + 1, "offset second");
                j += 3;
                canonical = seconds != 0; // +05:30:00 → +05:30
            }
            if (j != n) {
                throw invalid("unexpected text after the offset");
            }
        }
        if (hours > MAX_OFFSET_HOURS || minutes > 59 || seconds > 59) {
            throw invalid("offset out of range (at most 15:59:59)");
        }
        boolean zero = hours == 0 && minutes == 0 && seconds == 0;
        if (zero && sign == '-') {
            canonical = false; // -00:00 → +00:00
        }
        if (canonical) {
            return null;
        }
        StringBuilder b = new StringBuilder(9);
        b.append(zero ? '+' : sign);
        pad2(b, hours).append(':');
        pad2(b, minutes);
        if (seconds != 0) {
            pad2(b.append(':'), seconds);
        }
        return b.toString();
    }

    private static StringBuilder pad2(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** The end of the fraction [start, end) without its trailing zeros. */
    private static int significantEnd(String s, int start, int end) {
        while (end > start && s.charAt(end - 1) == '0') {
            end--;
        }
        return end;
    }

    /**
     * The value with the clock's fraction (which starts at {@code clockStart + 9} when present)
     * stripped of trailing zeros and, when {@code offset} is not null, everything after the
     * clock replaced by it. Returns {@code s} itself when nothing changes.
     */
    private static String rebuild(String s, int clockStart, int clockEnd, String offset) {
        int fractionStart = clockStart + 9;
        int keepTo = clockEnd;
        if (clockEnd > clockStart + 8) {
            int significant = significantEnd(s, fractionStart, clockEnd);
            keepTo = significant == fractionStart ? fractionStart - 1 : significant;
        }
        if (keepTo == clockEnd && offset == null) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 6);
        b.append(s, 0, keepTo);
        if (offset != null) {
            b.append(offset);
        } else {
            b.append(s, clockEnd, s.length());
        }
        return b.toString();
    }

    private static String dropYearPlus(String s) {
        return s.charAt(0) == '+' ? s.substring(1) : s;
    }

    private static int twoDigits(String s, int i, String what) {
        if (i + 2 > s.length() || !isDigit(s.charAt(i)) || !isDigit(s.charAt(i + 1))) {
            throw invalid("expected two digits for the " + what);
        }
        return (s.charAt(i) - '0') * 10 + (s.charAt(i + 1) - '0');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ------------------------------------------------------------------ PostgreSQL output, comparing

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
     * +05:30:15} in the canonical {@code ±HH:MM[:SS]} form ({@code Z} and {@code -00:00} become
     * {@code +00:00}, {@code :00} seconds are dropped).
     *
     * @throws IllegalArgumentException when it is none of these, or beyond ±15:59:59
     */
    public static String normalizeOffset(String offset) {
        if (offset.equals("z")) {
            return "+00:00";
        }
        String spelled = offset;
        int n = offset.length();
        if ((n == 5 || n == 7) && offset.indexOf(':') < 0) {
            // The compact ISO form +0530 / +053015: add the colons the canonical form has.
            spelled = offset.substring(0, 3) + ":" + offset.substring(3, 5) + (n == 7 ? ":" + offset.substring(5) : "");
        }
        try {
            String canonical = offset(spelled, 0);
            return canonical == null ? spelled : canonical;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected a UTC offset, found " + offset + ": " + e.getMessage());
        }
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

    // ------------------------------------------------------------------ what applications store in SQLite

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
     * Whether {@code s} is already a canonical date ({@code uuuu-MM-dd}, four-digit year), the form
     * import-sqlite stores: then {@link #parse} would give it back unchanged, and the scanner
     * decides that without parse's regular expression (see {@link #isCanonicalTimestamp}).
     */
    public static boolean isCanonicalDate(String s) {
        return s.length() == 10 && s.charAt(4) == '-' && isCanonical(s, DATE_FORM);
    }

    /**
     * Whether {@code s} is already a canonical timestamp ({@code uuuu-MM-dd HH:mm:ss[.f]}), or
     * with {@code withOffset} a canonical timestamptz ({@code ...±HH:MM}), with a four-digit year:
     * the form import-sqlite stores, which {@link #parse} would give back unchanged. Reading a
     * SQLite file that import-sqlite wrote (validate, and export-sqlite of such a file) meets almost
     * only this form; parse's regular expression was the costliest step of reading it, and the
     * JIT's largest compilation of a validate run. The shape is checked first, so that other
     * spellings (an application's {@code T} or {@code Z}) go to parse without an exception.
     */
    public static boolean isCanonicalTimestamp(String s, boolean withOffset) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(10) != ' ') {
            return false;
        }
        if (withOffset) {
            char sign = n >= 25 ? s.charAt(n - 6) : '?';
            return (sign == '+' || sign == '-') && s.charAt(n - 3) == ':' && isCanonical(s, TIMESTAMPTZ_FORM);
        }
        return isDigit(s.charAt(n - 1)) && isCanonical(s, TIMESTAMP_FORM);
    }

    /**
     * Whether {@code s} is already a canonical time without offset ({@code HH:mm:ss[.f]}), which
     * {@link #time} would give back unchanged (see {@link #isCanonicalTimestamp}).
     */
    public static boolean isCanonicalTime(String s) {
        return s.length() >= 8 && s.charAt(2) == ':' && isDigit(s.charAt(s.length() - 1)) && isCanonical(s, TIME_FORM);
    }

    private static final UnaryOperator<String> DATE_FORM = TemporalText::canonicalDate;
    private static final UnaryOperator<String> TIMESTAMP_FORM = t -> canonicalTimestamp(t, null);
    private static final UnaryOperator<String> TIMESTAMPTZ_FORM = t -> canonicalTimestamptz(t, null);
    private static final UnaryOperator<String> TIME_FORM = t -> canonicalTime(t, null);

    /** Whether the canonical scanner takes {@code s} as it is. */
    private static boolean isCanonical(String s, UnaryOperator<String> scanner) {
        try {
            return scanner.apply(s).equals(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

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
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
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
        String offset = m.group(9) == null ? null : lenientOffset(m.group(9));
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
        String offset = lenientOffset(m.group(5));
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
        int significant = significantEnd(frac, 0, frac.length());
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
    private static String lenientOffset(String raw) {
        try {
            return normalizeOffset(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
