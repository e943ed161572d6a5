package dev.migrate.core.types;

/**
 * Checks and normalises the canonical text of the temporal kinds. Hand-written scanners rather
 * than regular expressions: this runs for every temporal value written or read (millions per
 * second), so it makes one pass over the characters, allocates nothing when the value is already
 * canonical, and checks what a regex cannot (days per month, leap years, declared precision).
 *
 * <p>Normalisations (each yields the one spelling PostgreSQL itself prints):
 *
 * <ul>
 *   <li>trailing zeros of a fraction of a second are dropped ({@code 10:00:00.500} → {@code
 *       10:00:00.5}, {@code 10:00:00.000} → {@code 10:00:00});
 *   <li>offsets become {@code ±HH:MM[:SS]}: {@code Z} and {@code -00:00} → {@code +00:00}, {@code
 *       +05} (PostgreSQL's own short form) → {@code +05:00}, {@code +05:30:00} → {@code +05:30};
 *   <li>a {@code +} before a year of more than four digits is dropped ({@code +10000-01-01}, as
 *       java.time prints it → {@code 10000-01-01}).
 * </ul>
 *
 * Every method throws {@link IllegalArgumentException} with a short reason when the text is not
 * of the form.
 */
final class TemporalText {

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

    static String date(String s) {
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
    static String time(String s, Integer precision) {
        int end = clock(s, 0, true, precision);
        if (end != s.length()) {
            throw invalid("unexpected text after the time");
        }
        return rebuild(s, 0, end, null);
    }

    static String timetz(String s, Integer precision) {
        int end = clock(s, 0, true, precision);
        return rebuild(s, 0, end, offset(s, end));
    }

    // ------------------------------------------------------------------ timestamp, timestamptz

    static String timestamp(String s, Integer precision) {
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

    static String timestamptz(String s, Integer precision) {
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
    static String interval(String s) {
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
    static int daysInMonth(long year, int month) {
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
}
