package dev.migrate.core.types;

import java.math.BigDecimal;

/**
 * Checks and normalises exact decimal text. The canonical form is plain notation with every
 * digit and the scale kept ({@code 12.50} stays {@code 12.50}): {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?},
 * never {@code -0}, or one of {@code NaN}, {@code Infinity}, {@code -Infinity}.
 *
 * <p>Text already in that form (everything PostgreSQL prints) is checked by one scan and returned
 * as is; anything else ({@code 1E+3}, {@code +5}, {@code .5}, {@code 007}, {@code -0.00}) goes
 * through {@link BigDecimal} and comes back in plain form.
 */
final class DecimalText {

    private DecimalText() {}

    /** PostgreSQL numeric's limits: 131072 digits before the decimal point, 16383 after. */
    static final int MAX_INTEGER_DIGITS = 131072;

    static final int MAX_FRACTION_DIGITS = 16383;

    /**
     * The canonical text of a decimal, checked against a declared precision and scale.
     *
     * @param precision the declared precision, or null for an unconstrained decimal
     * @param scale the declared scale (PostgreSQL allows it to be negative or above the precision)
     * @throws IllegalArgumentException with a short reason
     */
    static String canonical(String s, Integer precision, int scale) {
        switch (s) {
            case "NaN":
                return s;
            case "Infinity", "-Infinity":
                if (precision != null) {
                    // PostgreSQL: "A field with precision p, scale s cannot hold an infinite value".
                    throw new IllegalArgumentException("a decimal with declared precision cannot hold " + s);
                }
                return s;
            default:
                break;
        }
        int n = s.length();
        int i = 0;
        boolean negative = n > 0 && s.charAt(0) == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        boolean allZero = true;
        while (i < n && isDigit(s.charAt(i))) {
            allZero &= s.charAt(i) == '0';
            i++;
        }
        int intEnd = i;
        int fractionStart = -1;
        if (i < n && s.charAt(i) == '.') {
            fractionStart = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                allZero &= s.charAt(i) == '0';
                i++;
            }
        }
        boolean plain = i == n
                && intEnd > intStart
                && (intEnd - intStart == 1 || s.charAt(intStart) != '0')
                && (fractionStart < 0 || i > fractionStart)
                && !(negative && allZero);
        if (!plain) {
            return viaBigDecimal(s, precision, scale);
        }
        int integerDigits = s.charAt(intStart) == '0' ? 0 : intEnd - intStart;
        int fractionDigits = fractionStart < 0 ? 0 : n - fractionStart;
        checkRange(integerDigits, fractionDigits);
        if (precision != null) {
            if (scale < 0 || scale > precision) {
                // Rare declarations: let BigDecimal do the general arithmetic.
                check(new BigDecimal(s), precision, scale);
            } else {
                int significantFraction = fractionDigits;
                while (significantFraction > 0 && s.charAt(fractionStart + significantFraction - 1) == '0') {
                    significantFraction--;
                }
                checkFits(integerDigits, significantFraction, precision, scale);
            }
        }
        return s;
    }

    private static String viaBigDecimal(String s, Integer precision, int scale) {
        BigDecimal b;
        try {
            b = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number");
        }
        return canonical(b, precision, scale);
    }

    /** The canonical text of a {@link BigDecimal}. */
    static String canonical(BigDecimal b, Integer precision, int scale) {
        // Check the range before toPlainString, which would happily build a million digits for 1E+1000000.
        checkRange(b.precision() - b.scale(), Math.max(b.scale(), 0));
        if (precision != null) {
            check(b, precision, scale);
        }
        return b.toPlainString();
    }

    /** Would PostgreSQL's numeric(precision, scale) hold this value without rounding or overflow? */
    private static void check(BigDecimal b, int precision, int scale) {
        if (b.signum() == 0) {
            return;
        }
        BigDecimal stripped = b.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw new IllegalArgumentException("more fractional digits than decimal(" + precision + "," + scale
                    + ") holds (PostgreSQL would round it)");
        }
        if (stripped.precision() - stripped.scale() > precision - scale) {
            throw new IllegalArgumentException("too large for decimal(" + precision + "," + scale + ")");
        }
    }

    private static void checkFits(int integerDigits, int significantFraction, int precision, int scale) {
        if (significantFraction > scale) {
            throw new IllegalArgumentException("more fractional digits than decimal(" + precision + "," + scale
                    + ") holds (PostgreSQL would round it)");
        }
        if (integerDigits > precision - scale) {
            throw new IllegalArgumentException("too large for decimal(" + precision + "," + scale + ")");
        }
    }

    private static void checkRange(int integerDigits, int fractionDigits) {
        if (integerDigits > MAX_INTEGER_DIGITS || fractionDigits > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("outside the range of a decimal (at most " + MAX_INTEGER_DIGITS
                    + " digits before the point and " + MAX_FRACTION_DIGITS + " after)");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
