package dev.migrate.exportsqlite.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void shortestDecimalReadsBackAsTheSameDouble() {
        assertThat(Numbers.decimalText(0.1)).isEqualTo("0.1");
        assertThat(Numbers.decimalText(1.98)).isEqualTo("1.98");
        // JDK 17's Double.toString gives 1.9999999999999998E23 here; the shortest form is 2E23.
        assertThat(Numbers.decimalText(2e23)).isEqualTo("200000000000000000000000");
        assertThat(Numbers.decimalText(1e23)).isEqualTo("100000000000000000000000");
        for (double d : new double[] {0.1, 1e23, 2e23, 123456789012345.6, 5e-324, Double.MAX_VALUE, -3.14}) {
            assertThat(Double.parseDouble(Numbers.decimalText(d))).isEqualTo(d);
        }
    }

    @Test
    void realTextLooksLikeSqlite() {
        assertThat(Numbers.realText(12.0)).isEqualTo("12.0");
        assertThat(Numbers.realText(-3.14)).isEqualTo("-3.14");
        assertThat(Numbers.realText(1e20)).isEqualTo("1.0e+20");
        assertThat(Numbers.realText(1e-5)).isEqualTo("1.0e-05");
        assertThat(Numbers.realText(Double.POSITIVE_INFINITY)).isEqualTo("Inf");
    }

    @Test
    void fitsChecksPrecisionAndScaleWithoutRounding() {
        assertThat(Numbers.fits(new BigDecimal("12345678.99"), 10, 2)).isTrue();
        assertThat(Numbers.fits(new BigDecimal("1.5"), 10, 2)).isTrue();
        assertThat(Numbers.fits(new BigDecimal("1.555"), 10, 2)).isFalse();
        assertThat(Numbers.fits(new BigDecimal("123456789.5"), 10, 2)).isFalse();
        assertThat(Numbers.fits(new BigDecimal("0"), 2, 2)).isTrue();
        assertThat(Numbers.fits(new BigDecimal("0.05"), 2, 2)).isTrue();
    }

    @Test
    void float32ValuesAreRecognised() {
        assertThat(Numbers.fitsFloat32(0.1)).isTrue(); // a real 0.1 written as the double 0.1
        assertThat(Numbers.fitsFloat32(0.123456789)).isFalse();
        assertThat(Numbers.fitsFloat32(3.4e39)).isFalse();
    }

    @Test
    void parseDecimalRefusesWhatSqlWouldNotCallANumber() {
        assertThat(Numbers.parseDecimal("12.50")).isEqualByComparingTo("12.5");
        assertThat(Numbers.parseDecimal(" 12")).isNull();
        assertThat(Numbers.parseDecimal("12e")).isNull();
        assertThat(Numbers.parseDecimal("abc")).isNull();
        assertThat(Numbers.parseDecimal("")).isNull();
    }
}
