package dev.migrate.exportsqlite.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {

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
