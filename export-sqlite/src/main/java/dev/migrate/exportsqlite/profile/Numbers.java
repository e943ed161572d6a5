package dev.migrate.exportsqlite.profile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Exact number text. A SQLite REAL is a binary double: 0.1 is stored as the nearest double,
 * 0.1000000000000000055511151231257827... Writing that expansion would be exact but absurd;
 * writing the shortest decimal that reads back as the same double ({@code 0.1}) loses nothing
 * either, because parsing it gives back the identical double. That is the rule used everywhere a
 * REAL becomes decimal or text. (JDK 17's {@code Double.toString} is not always shortest, e.g.
 * it prints 2e23 as {@code 1.9999999999999998E23}, hence the search below.)
 */
public final class Numbers {

    /** 2^53: every integer of smaller magnitude is exactly a double. */
    public static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private Numbers() {}

    /** The shortest decimal that parses back to exactly {@code d} (finite values only). */
    public static BigDecimal shortest(double d) {
        if (d == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal viaToString = new BigDecimal(Double.toString(d));
        if (viaToString.stripTrailingZeros().precision() < 16) {
            return viaToString; // short enough that no shorter form can exist worth searching
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate;
            }
        }
        return viaToString;
    }

    /** The shortest decimal that parses back, as a float, to exactly {@code f}. */
    public static BigDecimal shortest(float f) {
        if (f == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; digits <= 9; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.floatValue() == f) {
                return candidate;
            }
        }
        return new BigDecimal(Float.toString(f));
    }

    /**
     * True when the double is a single-precision value written as a double: its shortest
     * single-precision text reads back as the same double ({@code 0.1} is, {@code 0.123456789} is
     * not). Values that came from a PostgreSQL {@code real} through import-sqlite pass.
     */
    public static boolean fitsFloat32(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return true;
        }
        float f = (float) d;
        if (Float.isInfinite(f)) {
            return false;
        }
        return shortest(f).doubleValue() == d;
    }

    /** Plain decimal text of a finite REAL ({@code 0.1}, {@code 100000000000000000000}). */
    public static String decimalText(double d) {
        return shortest(d).toPlainString();
    }

    /**
     * Text of a REAL the way SQLite writes it, but with the shortest round-trip digits: plain
     * notation with at least one fractional digit between 1e-4 and 1e15 ({@code 12.0},
     * {@code 0.5}), otherwise {@code 1.0e+20}. Infinity is {@code Inf}/{@code -Inf} as SQLite
     * prints it.
     */
    public static String realText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal b = shortest(d);
        double abs = Math.abs(d);
        if (abs >= 1e-4 && abs < 1e15) {
            String plain = b.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        BigDecimal unscaled = b.stripTrailingZeros();
        int exponent = unscaled.precision() - unscaled.scale() - 1;
        BigDecimal mantissa = unscaled.movePointLeft(exponent);
        String m = mantissa.toPlainString();
        if (!m.contains(".")) {
            m = m + ".0";
        }
        return m + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /**
     * Whether a decimal fits {@code numeric(precision, scale)} exactly: it needs no rounding to
     * {@code scale} fractional digits and then has at most {@code precision} digits.
     */
    public static boolean fits(BigDecimal value, int precision, int scale) {
        BigDecimal scaled;
        try {
            scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            return false;
        }
        int digits = scaled.signum() == 0 ? 1 : scaled.precision();
        // numeric(p,s) holds p digits in total with s after the point: an integer part of at most p-s digits.
        return digits <= precision || (scaled.signum() == 0 && scale <= precision);
    }

    /** Parses decimal text exactly; null when it is not a plain decimal number. */
    public static BigDecimal parseDecimal(String text) {
        if (text.isEmpty() || text.length() > 1000) {
            return null;
        }
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        // BigDecimal accepts these, SQL numbers do not start or end with a dot or carry blanks.
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')
                || !(Character.isDigit(last) || last == '.')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
