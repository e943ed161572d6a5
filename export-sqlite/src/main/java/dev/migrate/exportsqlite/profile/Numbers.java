package dev.migrate.exportsqlite.profile;

import dev.migrate.core.types.ShortestDecimal;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The number checks of profiling: which integers a double holds exactly, whether a REAL is a
 * single-precision value, whether a decimal fits {@code numeric(p,s)}, what counts as decimal
 * text. Turning a REAL into decimal or text is core's ({@link ShortestDecimal}, {@code
 * SqliteValues.realText}): the shortest decimal that reads back as the same double.
 */
public final class Numbers {

    /** 2^53: every integer of smaller magnitude is exactly a double. */
    public static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private Numbers() {}

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
        return ShortestDecimal.of(f).doubleValue() == d;
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
