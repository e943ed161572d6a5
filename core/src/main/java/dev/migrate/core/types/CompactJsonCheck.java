package dev.migrate.core.types;

/**
 * A one-pass check that a text already is what {@link JsonText#compact} returns for it: exactly
 * one JSON value (strict RFC 8259) with no whitespace between tokens, and every escape in a
 * string the one Jackson's generator writes for that character ({@code \"}, {@code \\}, {@code
 * \b}, {@code \f}, {@code \n}, {@code \r}, {@code \t}, and <code>&#92;u00XX</code> in upper-case hex for
 * the other control characters). Such a text is returned as it is, without a parse and a rebuild.
 *
 * <p>Why: PostgreSQL's jsonb output (whitespace dropped) and every jsonb value read back from a
 * table file have this form, and the general path (Jackson parse + generate when the text holds
 * any escape) was the largest CPU cost of exporting and importing jsonb-heavy tables.
 *
 * <p>It only ever says yes to a subset of what Jackson accepts: anything it does not recognise
 * (whitespace, other escapes, nesting deeper than {@value #MAX_DEPTH}, numbers longer than
 * {@value #MAX_NUMBER_CHARS} characters, or invalid JSON) answers false, and the caller takes the
 * general path, which reports a problem exactly as before. Unpaired surrogates are not its
 * business (the codec checks them after compacting, as before).
 */
final class CompactJsonCheck {

    /** Nesting kept in one long as a bit per level (set: object); deeper documents take the general path. */
    static final int MAX_DEPTH = 64;

    /** Far below Jackson's number length limit; longer numbers take the general path. */
    static final int MAX_NUMBER_CHARS = 1000;

    private CompactJsonCheck() {}

    /** True when {@code s} is one strict JSON value in the exact form {@link JsonText#compact} writes. */
    static boolean isCompact(String s) {
        int n = s.length();
        long objects = 0; // bit d set: the container at depth d is an object
        int depth = 0;
        int i = 0;
        value:
        while (true) {
            if (i >= n) {
                return false;
            }
            switch (s.charAt(i)) {
                case '{' -> {
                    if (depth == MAX_DEPTH) {
                        return false;
                    }
                    objects |= 1L << depth;
                    depth++;
                    i++;
                    if (i < n && s.charAt(i) == '}') {
                        depth--;
                        i++;
                    } else {
                        i = key(s, i, n);
                        if (i < 0) {
                            return false;
                        }
                        continue value;
                    }
                }
                case '[' -> {
                    if (depth == MAX_DEPTH) {
                        return false;
                    }
                    objects &= ~(1L << depth);
                    depth++;
                    i++;
                    if (i < n && s.charAt(i) == ']') {
                        depth--;
                        i++;
                    } else {
                        continue value;
                    }
                }
                case '"' -> i = string(s, i, n);
                case 't' -> i = s.startsWith("true", i) ? i + 4 : -1;
                case 'f' -> i = s.startsWith("false", i) ? i + 5 : -1;
                case 'n' -> i = s.startsWith("null", i) ? i + 4 : -1;
                default -> i = number(s, i, n);
            }
            if (i < 0) {
                return false;
            }
            // After a value: close containers, or a comma and the next member.
            while (true) {
                if (depth == 0) {
                    return i == n;
                }
                if (i >= n) {
                    return false;
                }
                char c = s.charAt(i);
                boolean inObject = (objects & (1L << (depth - 1))) != 0;
                if (c == ',') {
                    i++;
                    if (inObject) {
                        i = key(s, i, n);
                        if (i < 0) {
                            return false;
                        }
                    }
                    continue value;
                }
                if (c != (inObject ? '}' : ']')) {
                    return false;
                }
                depth--;
                i++;
            }
        }
    }

    /** A member's name and its colon at {@code i}; the index after the colon, or -1. */
    private static int key(String s, int i, int n) {
        if (i >= n || s.charAt(i) != '"') {
            return -1;
        }
        i = string(s, i, n);
        if (i < 0 || i >= n || s.charAt(i) != ':') {
            return -1;
        }
        return i + 1;
    }

    /** The string starting with the quote at {@code i}; the index after its closing quote, or -1. */
    private static int string(String s, int i, int n) {
        for (i++; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x20) {
                return -1; // a raw control character: invalid JSON
            }
            if (c == '\\') {
                if (i + 1 >= n) {
                    return -1;
                }
                switch (s.charAt(i + 1)) {
                    case '"', '\\', 'b', 'f', 'n', 'r', 't' -> i++;
                    case 'u' -> {
                        if (!canonicalControlEscape(s, i, n)) {
                            return -1;
                        }
                        i += 5;
                    }
                    default -> {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * <code>&#92;u00XX</code> at {@code i} as Jackson writes it: a control character without a short
     * escape, upper-case hex digits.
     */
    private static boolean canonicalControlEscape(String s, int i, int n) {
        if (i + 5 >= n || s.charAt(i + 2) != '0' || s.charAt(i + 3) != '0') {
            return false;
        }
        char high = s.charAt(i + 4);
        char low = s.charAt(i + 5);
        int lowValue;
        if (low >= '0' && low <= '9') {
            lowValue = low - '0';
        } else if (low >= 'A' && low <= 'F') {
            lowValue = low - 'A' + 10;
        } else {
            return false;
        }
        if (high == '1') {
            return true;
        }
        // \b \t \n \f \r have short escapes, which the generator writes instead.
        return high == '0' && lowValue != 8 && lowValue != 9 && lowValue != 10 && lowValue != 12 && lowValue != 13;
    }

    /** A strict JSON number at {@code i}; the index after it, or -1. */
    private static int number(String s, int i, int n) {
        int start = i;
        if (s.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return -1;
        }
        char c = s.charAt(i);
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            i = digits(s, i + 1, n);
        } else {
            return -1;
        }
        if (i < n && s.charAt(i) == '.') {
            int from = i + 1;
            i = digits(s, from, n);
            if (i == from) {
                return -1;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int from = i;
            i = digits(s, from, n);
            if (i == from) {
                return -1;
            }
        }
        return i - start > MAX_NUMBER_CHARS ? -1 : i;
    }

    private static int digits(String s, int i, int n) {
        while (i < n) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            i++;
        }
        return i;
    }
}
