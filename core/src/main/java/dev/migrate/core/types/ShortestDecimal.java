package dev.migrate.core.types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as exactly the same binary floating-point value: {@code
 * 0.1} for the double nearest 0.1 (whose exact expansion is 0.1000000000000000055511151231257827...),
 * {@code 2E+23} for the double nearest 2e23. Writing it loses nothing, because parsing it gives the
 * identical double back, and it is what a person wrote.
 *
 * <p>Why not {@code Double.toString}: before JDK 19 (Raffaello Giulietti's fix of JDK-4511638) it
 * is not always shortest, e.g. JDK 17 prints 2e23 as {@code 1.9999999999999998E23} and some values
 * with 18 digits. Every place that turns a REAL into decimal text uses this class, so the exporter
 * and the validator can never disagree on the digits.
 */
public final class ShortestDecimal {

    private static final RoundingMode[] MODES = {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING};
    private static final RoundingMode[] HALF_EVEN_ONLY = {RoundingMode.HALF_EVEN};

    private ShortestDecimal() {}

    /**
     * The shortest decimal that parses back to exactly {@code d}; among equally short ones the
     * nearest to {@code d}. Zero (either sign) is {@link BigDecimal#ZERO}.
     *
     * @throws IllegalArgumentException for NaN and the infinities
     */
    public static BigDecimal of(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("no decimal for " + d);
        }
        if (d == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal viaToString = new BigDecimal(Double.toString(d));
        // With at most 15 significant digits at most one decimal of that length lies within half an
        // ulp of d (such decimals are further apart than an ulp), so toString's answer is the answer;
        // JDK 17's toString errs only by printing too many digits.
        if (viaToString.stripTrailingZeros().precision() <= 15) {
            return viaToString;
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            // Up to 15 digits a decimal within half an ulp is unique, hence the nearest: rounding finds
            // it. At 16 and 17 digits two may qualify, and the nearest may lie just outside.
            for (RoundingMode mode : digits <= 15 ? HALF_EVEN_ONLY : MODES) {
                BigDecimal candidate = exact.round(new MathContext(digits, mode));
                if (candidate.doubleValue() == d) {
                    return candidate;
                }
            }
        }
        return viaToString; // unreachable: 17 significant digits always identify a double
    }

    /** The shortest decimal that parses back, as a float, to exactly {@code f}. */
    public static BigDecimal of(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            throw new IllegalArgumentException("no decimal for " + f);
        }
        if (f == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; digits <= 9; digits++) {
            for (RoundingMode mode : MODES) {
                BigDecimal candidate = exact.round(new MathContext(digits, mode));
                if (candidate.floatValue() == f) {
                    return candidate;
                }
            }
        }
        return new BigDecimal(Float.toString(f));
    }

    /** {@link #of(double)} in plain notation: {@code 0.1}, {@code 200000000000000000000000}. */
    public static String plain(double d) {
        return of(d).toPlainString();
    }
}
